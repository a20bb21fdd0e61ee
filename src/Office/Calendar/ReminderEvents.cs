using System.Globalization;
using Handbook.Model;
using Handbook.Schedule;

namespace Handbook.Office.Calendar;

/// <summary>The reminders of a year as calendar events: one all-day event on each deadline.</summary>
public static class ReminderEvents
{
    public static string CalendarName(BookInfo info, int year) => $"{info.Organization}{year}年{info.Vocabulary.Work}日历";

    public static string Write(Book book, int year, IReadOnlyList<Reminder> reminders, DateTimeOffset stamp) =>
        IcsWriter.Write(CalendarName(book.Info, year), reminders.Select(r => Event(book, r)), stamp);

    private static CalendarEvent Event(Book book, Reminder reminder)
    {
        var index = reminder.Article.Schedule.IndexOf(reminder.Item) + 1;
        // Stable across builds and distinct between handbooks, so importing again updates instead of doubling.
        var uid = string.Create(CultureInfo.InvariantCulture, $"{reminder.Date:yyyyMMdd}-{reminder.Article.Id}-{index}-{Scope(book.Info)}@handbook");
        var description = string.Join("\n",
            $"条目：{reminder.Article.Id} {reminder.Article.Title}",
            $"责任人：{reminder.By}",
            $"时间要求：{ScheduleText.Describe(reminder.Item)}",
            $"依据：《{book.Info.Title}》（{book.Info.Edition}）");
        return new CalendarEvent(uid, reminder.Date, $"{reminder.Task}（{reminder.By}）", description, RemindDaysBefore(reminder.Every));
    }

    private static int RemindDaysBefore(Recurrence every) => every switch
    {
        Recurrence.Day => 0,
        Recurrence.Week => 1,
        Recurrence.Month => 3,
        Recurrence.Quarter or Recurrence.HalfYear => 7,
        _ => 14,
    };

    /// <summary>A short stable code of the organization and handbook (FNV-1a), for UIDs.</summary>
    private static string Scope(BookInfo info)
    {
        var hash = 2166136261u;
        foreach (var c in info.Organization + info.Title)
            hash = (hash ^ c) * 16777619u;
        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
