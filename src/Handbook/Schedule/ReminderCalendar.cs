using Handbook.Model;

namespace Handbook.Schedule;

/// <summary>A task due in a month of the year: one line of a reminder table.</summary>
/// <param name="Month">The month (1–12) the reminder is listed under.</param>
/// <param name="Date">The date it is due; for daily and weekly tasks, the last such day of the month.</param>
public sealed record Reminder(int Month, DateOnly Date, ScheduleItem Item, Article Article)
{
    public string Task => Item.Task;
    public string By => Item.By;
    public Recurrence Every => Item.Every;
}

/// <summary>
/// Places every schedule item of a handbook on the calendar of one year: monthly tasks every month,
/// quarterly ones in month M of each quarter, half-yearly ones in month M of each half, yearly ones once,
/// and daily and weekly tasks once per month (they recur within it). The reminder page, tables and
/// calendar all use this, so they agree on what is due when.
/// </summary>
public static class ReminderCalendar
{
    /// <summary>Every reminder of the year, ordered by date, then handbook order.</summary>
    public static IReadOnlyList<Reminder> For(Book book, int year) =>
        book.Articles
            .SelectMany(article => article.Schedule.SelectMany(item => Place(item, year).Select(date => new Reminder(date.Month, date, item, article))))
            .OrderBy(r => r.Date) // stable: equal dates keep handbook order
            .ToList();

    /// <summary>The dates in the year on which an item is listed.</summary>
    public static IEnumerable<DateOnly> Place(ScheduleItem item, int year) => item.Every switch
    {
        Recurrence.Day => Months(1, 12).Select(m => EndOfMonth(year, m)),
        Recurrence.Week => Months(1, 12).Select(m => LastWeekday(year, m, item.Due.Day == 0 ? 7 : item.Due.Day)),
        Recurrence.Month => Months(1, 12).Select(m => DayOf(year, m, item.Due.Day)),
        Recurrence.Quarter => InPeriods(year, 3, item.Due),
        Recurrence.HalfYear => InPeriods(year, 6, item.Due),
        Recurrence.Year => InPeriods(year, 12, item.Due),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Every, null),
    };

    /// <summary>Month M (the last when 0), day D of each period of the given length in months.</summary>
    private static IEnumerable<DateOnly> InPeriods(int year, int length, Due due) =>
        Months(1, 12 / length).Select(period => DayOf(year, (period - 1) * length + (due.Month == 0 ? length : due.Month), due.Day));

    private static IEnumerable<int> Months(int from, int count) => Enumerable.Range(from, count);

    /// <summary>Day D of a month, clamped to its last day; the last day when D is 0.</summary>
    private static DateOnly DayOf(int year, int month, int day) =>
        day == 0 ? EndOfMonth(year, month) : new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The last date in the month falling on the ISO weekday (1 = Monday … 7 = Sunday).</summary>
    private static DateOnly LastWeekday(int year, int month, int isoWeekday)
    {
        var date = EndOfMonth(year, month);
        var target = (DayOfWeek)(isoWeekday % 7);
        while (date.DayOfWeek != target) date = date.AddDays(-1);
        return date;
    }
}
