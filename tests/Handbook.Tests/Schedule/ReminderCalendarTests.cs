using System.Globalization;
using Handbook.Model;
using Handbook.Schedule;

namespace Handbook.Tests.Schedule;

public class ReminderCalendarTests
{
    private static ScheduleItem Item(Recurrence every, int month, int day) => new("任务", every, new Due(month, day), "书记");

    private static string[] Dates(ScheduleItem item, int year = 2026) =>
        [.. ReminderCalendar.Place(item, year).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

    [Fact]
    public void Monthly_task_is_due_every_month_clamped_to_the_month_end()
    {
        var dates = Dates(Item(Recurrence.Month, 0, 31));
        Assert.Equal(12, dates.Length);
        Assert.Equal("2026-01-31", dates[0]);
        Assert.Equal("2026-02-28", dates[1]);
        Assert.Equal("2026-04-30", dates[3]);
    }

    [Fact]
    public void Leap_year_february_keeps_the_29th()
    {
        Assert.Equal("2028-02-29", Dates(Item(Recurrence.Month, 0, 30), 2028)[1]);
    }

    [Fact]
    public void Quarterly_task_falls_in_month_M_of_each_quarter()
    {
        Assert.Equal(["2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20"], Dates(Item(Recurrence.Quarter, 3, 20)));
        Assert.Equal(["2026-01-10", "2026-04-10", "2026-07-10", "2026-10-10"], Dates(Item(Recurrence.Quarter, 1, 10)));
    }

    [Fact]
    public void Half_yearly_task_falls_in_month_M_of_each_half()
    {
        Assert.Equal(["2026-06-25", "2026-12-25"], Dates(Item(Recurrence.HalfYear, 6, 25)));
        Assert.Equal(["2026-02-15", "2026-08-15"], Dates(Item(Recurrence.HalfYear, 2, 15)));
    }

    [Fact]
    public void Yearly_task_falls_once()
    {
        Assert.Equal(["2026-02-28"], Dates(Item(Recurrence.Year, 2, 31)));
    }

    [Fact]
    public void End_of_period_is_the_last_day_of_the_period()
    {
        Assert.Equal(["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"], Dates(new ScheduleItem("任务", Recurrence.Quarter, Due.EndOfPeriod, "书记")));
        Assert.Equal(["2026-12-31"], Dates(new ScheduleItem("任务", Recurrence.Year, Due.EndOfPeriod, "书记")));
    }

    [Fact]
    public void Daily_and_weekly_tasks_are_listed_once_per_month()
    {
        Assert.Equal(12, Dates(new ScheduleItem("任务", Recurrence.Day, Due.EndOfPeriod, "书记")).Length);
        var fridays = ReminderCalendar.Place(Item(Recurrence.Week, 0, 5), 2026).ToList();
        Assert.Equal(12, fridays.Count);
        Assert.All(fridays, d => Assert.Equal(DayOfWeek.Friday, d.DayOfWeek));
        Assert.Equal(new DateOnly(2026, 1, 30), fridays[0]); // the last Friday of January 2026
    }

    [Fact]
    public void For_a_book_lists_every_item_by_date_with_its_article()
    {
        var monthly = Article("R01", Item(Recurrence.Month, 0, 25));
        var yearly = Article("R02", Item(Recurrence.Year, 1, 5));
        var book = new Book("/", new BookInfo("手册", "机构", "2026年版", "zh-CN", null, [], Vocabulary.Default),
            [new Part(1, "rules", "制度", [monthly, yearly])], []);

        var reminders = ReminderCalendar.For(book, 2026);

        Assert.Equal(13, reminders.Count);
        Assert.Equal(("R02", new DateOnly(2026, 1, 5)), (reminders[0].Article.Id, reminders[0].Date));
        Assert.Equal(("R01", 1), (reminders[1].Article.Id, reminders[1].Month));
        Assert.True(reminders.Zip(reminders.Skip(1)).All(p => p.First.Date <= p.Second.Date));
    }

    [Theory]
    [InlineData(Recurrence.Month, 0, 25, "每月25日前")]
    [InlineData(Recurrence.Quarter, 3, 20, "每年3、6、9、12月20日前")]
    [InlineData(Recurrence.HalfYear, 6, 25, "每年6、12月25日前")]
    [InlineData(Recurrence.Year, 12, 31, "每年12月31日前")]
    [InlineData(Recurrence.Week, 0, 5, "每周五前")]
    public void Describes_timing_in_chinese(Recurrence every, int month, int day, string expected)
    {
        Assert.Equal(expected, ScheduleText.Describe(Item(every, month, day)));
    }

    private static Article Article(string id, ScheduleItem item) =>
        new(id, id, 1, "书记", [], [item], [], new DateOnly(2026, 1, 1), "rules", $"rules/{id}.md", "", 1);
}
