using System.Globalization;
using System.Text;

namespace Handbook.Office.Calendar;

/// <summary>An all-day event of a calendar file, with a reminder some days before.</summary>
/// <param name="Uid">Globally unique and stable across builds, so re-importing updates events instead of doubling them.</param>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, int RemindDaysBefore);

/// <summary>
/// Writes an iCalendar file (RFC 5545) that calendar applications import: CRLF line ends, lines folded at 75
/// octets without splitting a UTF-8 character, text values escaped, all-day events as DATE values.
/// Not written with Ical.Net: its serializer (5.2.4) folds between the halves of a surrogate pair, so a CJK
/// Extension B character such as 𠮷 that falls on a fold comes out as two U+FFFD.
/// </summary>
public static class IcsWriter
{
    private const int MaxLineOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        var text = new StringBuilder();
        void Line(string line) => Fold(text, line);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Handbook//Reminder Calendar//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + e.Uid);
            Line("DTSTAMP:" + dtstamp);
            Line("DTSTART;VALUE=DATE:" + Date(e.Date));
            Line("DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line("SUMMARY:" + Escape(e.Summary));
            Line("DESCRIPTION:" + Escape(e.Description));
            Line("TRANSP:TRANSPARENT");
            Line("BEGIN:VALARM");
            Line("ACTION:DISPLAY");
            Line("DESCRIPTION:" + Escape(e.Summary));
            Line($"TRIGGER:-P{e.RemindDaysBefore}D");
            Line("END:VALARM");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded into lines of at most 75 octets; continuation lines start with a space.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space counts
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
