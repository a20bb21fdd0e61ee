using System.Globalization;
using Handbook.Office.Calendar;
using Handbook.Schedule;
using Handbook.Tests.Sheets;
using Handbook.Tests.Word;

namespace Handbook.Tests.Calendar;

public sealed class ReminderEventsTests
{
    [Fact]
    public void TheDefaultHandbooksCalendarParsesBackToOneEventPerReminderWithUniqueStableIds()
    {
        var book = TestRepository.Book;
        var reminders = ReminderCalendar.For(book, 2027);
        var stamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        var text = ReminderEvents.Write(book, 2027, reminders, stamp);
        var events = IcsReader.Read(text).Children.Where(c => c.Name == "VEVENT").ToList();

        Assert.Equal(reminders.Count, events.Count);
        for (var i = 0; i < reminders.Count; i++)
        {
            Assert.Equal(reminders[i].Date, IcsReader.Date(events[i].Get("DTSTART")));
            Assert.StartsWith(reminders[i].Task, IcsReader.Unescape(events[i].Value("SUMMARY")), StringComparison.Ordinal);
            Assert.Contains(reminders[i].Article.Id, IcsReader.Unescape(events[i].Value("DESCRIPTION")), StringComparison.Ordinal);
        }
        var uids = events.Select(e => e.Value("UID")).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Equal(text, ReminderEvents.Write(book, 2027, reminders, stamp));
    }

    [Fact]
    public void TheUidsAreTheSameWhateverTheMachinesCulture()
    {
        var book = TestRepository.Book;
        var reminders = ReminderCalendar.For(book, 2027);
        var stamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        List<string> Uids(string culture)
        {
            var current = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                return IcsReader.Read(ReminderEvents.Write(book, 2027, reminders, stamp)).Children
                    .Where(c => c.Name == "VEVENT").Select(e => e.Value("UID")).ToList();
            }
            finally { CultureInfo.CurrentCulture = current; }
        }

        var invariant = Uids("");
        // Thai dates count Buddhist-era years (2027 is 2570): a UID written in that culture would change.
        Assert.Equal(invariant, Uids("th-TH"));
        Assert.All(invariant.Zip(reminders), p => Assert.StartsWith(p.Second.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), p.First, StringComparison.Ordinal));
    }
}
