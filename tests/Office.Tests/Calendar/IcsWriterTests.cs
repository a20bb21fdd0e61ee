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
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
        // Read checks every physical line is at most 75 octets; unfolding must give the description back whole.
        var description = IcsReader.Read(text).Children[1].Value("DESCRIPTION");
        Assert.Equal(Events[1].Description, IcsReader.Unescape(description));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("aa")]
    [InlineData("aaa")]
    public void AFoldNeverSplitsACharacterOutsideTheBasicPlane(string shift)
    {
        // 𠮷 (U+20BB7, CJK Extension B, found in names) is two UTF-16 units and four UTF-8 octets; shifting the text
        // puts it across the 75-octet boundary at each possible offset.
        var summary = shift + string.Concat(Enumerable.Repeat("责任人𠮷", 20));
        var text = IcsWriter.Write("日历", [Events[0] with { Summary = summary }], Stamp);

        var calendar = IcsReader.Read(text);
        Assert.Equal(summary, IcsReader.Unescape(calendar.Children[0].Value("SUMMARY")));
    }
}
