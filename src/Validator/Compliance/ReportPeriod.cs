using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Model;

namespace Handbook.Validator.Compliance;

/// <summary>The period a compliance report covers: a year (2026), half-year (2026H1), quarter (2026Q1) or month (2026-03).</summary>
public sealed partial record ReportPeriod(string Name, DateOnly Start, DateOnly End)
{
    [GeneratedRegex(@"^(\d{4})(?:(Q[1-4]|H[12])|-(0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    public static ReportPeriod? Parse(string text)
    {
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var (firstMonth, months) = m.Groups[2].Value switch
        {
            "" when m.Groups[3].Success => (int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 1),
            "" => (1, 12),
            ['H', var h] => ((h - '1') * 6 + 1, 6),
            ['Q', var q] => ((q - '1') * 3 + 1, 3),
            _ => (1, 12),
        };
        var start = new DateOnly(year, firstMonth, 1);
        return new ReportPeriod(m.Value, start, start.AddMonths(months).AddDays(-1));
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The occurrence of a recurring task that a date falls in: its first and last day and its due date.</summary>
    public static (DateOnly Start, DateOnly End, DateOnly Due) Occurrence(Recurrence every, Due due, DateOnly date)
    {
        var (start, end) = every switch
        {
            Recurrence.Day => (date, date),
            Recurrence.Week => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(6 - (((int)date.DayOfWeek + 6) % 7))),
            _ => MonthsSpan(date, every switch { Recurrence.Month => 1, Recurrence.Quarter => 3, Recurrence.HalfYear => 6, _ => 12 }),
        };
        DateOnly dueDate;
        if (due == Due.EndOfPeriod) dueDate = end;
        else if (every == Recurrence.Week) dueDate = start.AddDays(due.Day - 1);
        else
        {
            var month = start.AddMonths(Math.Max(1, due.Month) - 1);
            dueDate = new DateOnly(month.Year, month.Month, Math.Min(due.Day, DateTime.DaysInMonth(month.Year, month.Month)));
        }
        return (start, end, dueDate);
    }

    private static (DateOnly, DateOnly) MonthsSpan(DateOnly date, int months)
    {
        var first = new DateOnly(date.Year, (date.Month - 1) / months * months + 1, 1);
        return (first, first.AddMonths(months).AddDays(-1));
    }

    /// <summary>How many occurrences of a task fall due within this period: what a unit is expected to hand in.</summary>
    public int Expected(Recurrence every, Due due)
    {
        var count = 0;
        // Walk occurrences from a year before (a half-year's due date may fall in the next quarter) to the end.
        var date = Start.AddYears(-1);
        while (date <= End)
        {
            var occurrence = Occurrence(every, due, date);
            if (Contains(occurrence.Due)) count++;
            date = occurrence.End.AddDays(1);
        }
        return count;
    }
}
