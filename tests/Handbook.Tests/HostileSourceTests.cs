using System.Globalization;
using System.Text;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Schedule;

namespace Handbook.Tests;

/// <summary>What editors' tools and slips really produce: every one a diagnostic at its place, never an exception.</summary>
public class HostileSourceTests
{
    static HostileSourceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Diagnostic LoadOne(FixtureHandbook fixture, string path)
    {
        var diagnostics = BookLoader.Load(fixture.Root).Diagnostics;
        Assert.All(diagnostics, d => Assert.Equal(path, d.Path));
        return Assert.Single(diagnostics);
    }

    [Theory]
    [InlineData("forms/F01.yml")]
    [InlineData("rules/R01.md")]
    [InlineData("handbook.yml")]
    public void AFileSavedInGbkIsInvalidEncodingSayingSo(string path)
    {
        using var fixture = new FixtureHandbook();
        File.WriteAllBytes(Path.Combine(fixture.Root, path), Encoding.GetEncoding("GBK").GetBytes(fixture.Read(path)));

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics, d => d.Path == path);

        Assert.Equal("invalid-encoding", diagnostic.Code);
        Assert.Contains("GBK", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryJunkIsInvalidEncodingAtTheFirstBadByte()
    {
        using var fixture = new FixtureHandbook();
        var bytes = Encoding.UTF8.GetBytes("id: F01\ntitle: 党小组会记录\n").Concat(new byte[] { 0xFF, 0x00, 0x80, 0xC3 }).ToArray();
        File.WriteAllBytes(Path.Combine(fixture.Root, "forms/F01.yml"), bytes);

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal(("invalid-encoding", 3, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.DoesNotContain("GBK", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileSavedAsUtf16IsInvalidEncodingSayingSo()
    {
        using var fixture = new FixtureHandbook();
        File.WriteAllText(Path.Combine(fixture.Root, "forms/F01.yml"), fixture.Read("forms/F01.yml"), Encoding.Unicode);

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal("invalid-encoding", diagnostic.Code);
        Assert.Contains("UTF-16", diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>YamlDotNet throws an InvalidOperationException without a position here; the slip is on the “[” line.</summary>
    [Theory]
    [InlineData("forms/F01.yml", "options: [学习, 议事, 组织生活]", "options: [学习, 议事, 组织生活", "options: |[学习")]
    [InlineData("rules/R01.md", "forms: [F01]", "forms: [F01", "forms: |[F01")]
    [InlineData("forms/F01.yml", "max_length: 30", "max_length: {30", "max_length: |{30")]
    public void AnUnclosedBracketIsAYamlSyntaxErrorAtTheBracket(string path, string find, string replace, string marker)
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace(path, find, replace);

        var diagnostic = LoadOne(fixture, path);

        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.Equal(PositionOf(fixture.Read(path), marker), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("没有闭合", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANulByteIsInvalidEncodingAtItsPlace()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "title: 党小组会记录", "title: 党小组\0会记录");

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal(("invalid-encoding", 2, 11), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("控制字符 U+0000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingTooDeepIsALimitNotAStackOverflow()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "max_length: 30", "max_length: " + new string('[', 100_000));

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal("limit-exceeded", diagnostic.Code);
        Assert.Contains("嵌套过深", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasBombIsALimitNotOutOfMemory()
    {
        using var fixture = new FixtureHandbook();
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
            bomb.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        fixture.Write("forms/F01.yml", bomb.ToString());

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal(("limit-exceeded", 5), (diagnostic.Code, diagnostic.Line)); // a4 would expand to 111,111 nodes
        Assert.Contains("别名", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFewAliasesStillLoad()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "options: [学习, 议事, 组织生活]", "options: &kinds [学习, 议事, 组织生活]");
        fixture.Replace("forms/F01.yml", "options: [党章, 条例, 业务]", "options: *kinds");

        var result = BookLoader.Load(fixture.Root);

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Book!.FindForm("F01")!.Fields.Where(f => f.Type is FieldType.Choice or FieldType.Choices),
            f => Assert.Equal(["学习", "议事", "组织生活"], f.Options.ToArray()));
    }

    [Fact]
    public void MarkdownNestedTooDeepIsALimitNotAStackOverflow()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("rules/R01.md", fixture.Read("rules/R01.md") + "\n" + string.Concat(Enumerable.Repeat("> ", 100_000)) + "引用\n");

        var diagnostics = BookLoader.Load(fixture.Root).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("rules/R01.md", "limit-exceeded"), (diagnostic.Path, diagnostic.Code));
    }

    [Theory]
    [InlineData("day", RecordPeriod.Day)]
    [InlineData("week", RecordPeriod.Week)]
    [InlineData("half-year", RecordPeriod.HalfYear)]
    [InlineData("event", RecordPeriod.Event)]
    public void EveryPeriodASchedulerKnowsIsAFormPeriod(string spelling, RecordPeriod period)
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "period: meeting", $"period: {spelling}");

        var result = BookLoader.Load(fixture.Root);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(period, result.Book!.FindForm("F01")!.Period);
    }

    [Fact]
    public void AWrongPeriodNamesEveryAcceptedSpelling()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "period: meeting", "period: daily");

        var diagnostic = LoadOne(fixture, "forms/F01.yml");

        Assert.Equal("invalid-value", diagnostic.Code);
        Assert.Contains("day、week、month、quarter、half-year、year、meeting 或 event", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPeriodReadsAsItsOwnFrequency() =>
        Assert.Equal(Enum.GetValues<RecordPeriod>().Length,
            Enum.GetValues<RecordPeriod>().Select(ScheduleText.Describe).Distinct().Count());

    [Fact]
    public void TwoFormsWithOneTitleAreReportedOnTheSecond()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("forms/F02.yml", fixture.Read("forms/F01.yml").Replace("id: F01", "id: F02", StringComparison.Ordinal).Replace("title: 党小组会记录", "title: 党小组会 记录", StringComparison.Ordinal));

        var diagnostic = LoadOne(fixture, "forms/F02.yml");

        Assert.Equal(("duplicate-title", 2, 8), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("forms/F01.yml", diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line and column of the '|' in a marker found in the text.</summary>
    internal static (int Line, int Column) PositionOf(string text, string marker)
    {
        var cursor = marker.IndexOf('|', StringComparison.Ordinal);
        var index = text.IndexOf(marker.Remove(cursor, 1), StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker not found: {marker}");
        var before = text[..(index + cursor)];
        var line = before.Count(c => c == '\n') + 1;
        return (line, before.Length - before.LastIndexOf('\n'));
    }
}
