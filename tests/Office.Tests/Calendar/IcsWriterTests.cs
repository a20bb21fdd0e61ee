using Handbook.Office.Calendar;

namespace Handbook.Tests.Calendar;

public sealed class IcsWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly CalendarEvent[] Events =
    [
        new("a@handbook", new DateOnly(2027, 1, 25), "召开党小组会（R03 党小组会制度）", "负责：党小组长\n截止：1月25日", 3),
        new("b@handbook", new DateOnly(2027, 12, 31), "总结; 评议, 上报\\存档",
            string.Concat(Enumerable.Repeat("年度党建工作总结及述职评议考核，", 12)), 7),
    ];

    [Fact]
    public void ACalendarApplicationReadsBackEveryEventAsWritten()
    {
        var calendar = IcsReader.Read(IcsWriter.Write("工作日历 2027", Events, Stamp));

        Assert.Equal("2.0", calendar.Value("VERSION"));
        Assert.NotEmpty(calendar.Value("PRODID"));
        Assert.Equal("工作日历 2027", IcsReader.Unescape(calendar.Value("X-WR-CALNAME")));
        var events = calendar.Children.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal(Events.Length, events.Count);
        for (var i = 0; i < Events.Length; i++)
        {
            var e = events[i];
            Assert.Equal(Events[i].Uid, e.Value("UID"));
            Assert.Equal("20261121T040000Z", e.Value("DTSTAMP"));
            Assert.Equal(Events[i].Date, IcsReader.Date(e.Get("DTSTART")));
            Assert.Equal(Events[i].Date.AddDays(1), IcsReader.Date(e.Get("DTEND")));
            Assert.Equal(Events[i].Summary, IcsReader.Unescape(e.Value("SUMMARY")));
            Assert.Equal(Events[i].Description, IcsReader.Unescape(e.Value("DESCRIPTION")));
            var alarm = Assert.Single(e.Children);
            Assert.Equal("VALARM", alarm.Name);
            Assert.Equal("DISPLAY", alarm.Value("ACTION"));
            Assert.Equal($"-P{Events[i].RemindDaysBefore}D", alarm.Value("TRIGGER"));
        }
    }

    [Fact]
    public void LongChineseLinesAreFoldedWithinSeventyFiveOctets()
    {
        var text = IcsWriter.Write("日历", Events, Stamp);
        Assert.Contains("\r\n ", text);
        // Read checks every physical line is at most 75 octets; unfolding must give the description back whole.
        var description = IcsReader.Read(text).Children[1].Value("DESCRIPTION");
        Assert.Equal(Events[1].Description, IcsReader.Unescape(description));
    }
}
