using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests;

public class LoaderTests
{
    [Fact]
    public void MinimalHandbookLoadsCompletelyWithoutDiagnostics()
    {
        using var fixture = new FixtureHandbook();
        var result = BookLoader.Load(fixture.Root);

        Assert.Empty(result.Diagnostics);
        var book = result.Book!;
        Assert.Equal("测试手册", book.Info.Title);
        Assert.Equal(["rules", "records"], book.Parts.Select(p => p.Folder));
        Assert.Equal(["优秀", "合格", "不合格"], book.Info.Grading.Select(g => g.Grade));

        var article = book.FindArticle("R01")!;
        Assert.Equal("rules/R01.md", article.Path);
        Assert.Equal(21, article.BodyLine);
        Assert.StartsWith("# 党小组会制度", article.Body, StringComparison.Ordinal);
        Assert.Equal(new ScheduleItem("召开党小组会", Recurrence.Month, new Due(0, 25), "党小组长"), article.Schedule[0]);
        Assert.Equal(new Due(6, 25), article.Schedule[1].Due);
        Assert.Equal(4m, article.Scoring.Single().Points);

        var form = book.FindForm("F01")!;
        Assert.Equal(Enum.GetValues<FieldType>().Order(), form.Fields.Select(f => f.Type).Distinct().Order());
        var table = form.FindField("attendance")!;
        Assert.Equal((1, 8), (table.MinRows, table.Rows));
        Assert.Equal(["name", "signed"], table.Columns.Select(c => c.Id));
        Assert.IsType<CheckRule>(form.Rules[0]);
        Assert.Equal(["absent_reason"], Assert.IsType<RequireRule>(form.Rules[1]).Require.ToArray());
        Assert.Equal("优秀", book.GradeFor(4));
        Assert.Equal("不合格", book.GradeFor(1));
    }

    /// <summary>
    /// One break per case: the file, the text replaced, the code expected, and where: the position of
    /// '|' in the marker, found in the broken file. Exactly one diagnostic must come out.
    /// </summary>
    public static TheoryData<string, string, string, string, string> Breaks => new()
    {
        { "forms/F01.yml", "    required: true\n    max_length: 30", "    requried: true\n    max_length: 30", "unknown-key", "|requried" },
        { "forms/F01.yml", "    max_length: 30", "    max_length: 30\n    options: [a]", "unknown-key", "|options: [a]" },
        { "rules/R01.md", "title: 党小组会制度\n", "", "missing-key", "|id: R01" },
        { "forms/F01.yml", "  - id: host", "  - id: online", "duplicate-id", "id: |online\n    label: 主持人" },
        { "rules/R01.md", "forms: [F01]", "forms: [F01, F09]", "form-not-found", "F01, |F09" },
        { "forms/F01.yml", "article: L01", "article: L09", "article-not-found", "article: |L09" },
        { "rules/R01.md", "../records/L01.md#填写范例", "../records/L09.md", "broken-link", "记录见|[党小组会记录]" },
        { "rules/R01.md", "#填写范例", "#不存在的标题", "broken-anchor", "记录见|[党小组会记录]" },
        { "forms/F01.yml", "type: textarea", "type: longtext", "unknown-field-type", "type: |longtext" },
        { "forms/F01.yml", "    type: choice\n    options: [学习, 议事, 组织生活]", "    type: choice", "missing-options", "- |id: kind" },
        { "forms/F01.yml", "check: present <= expected", "check: present <= (expected", "rule-syntax", "(expected|" },
        { "forms/F01.yml", "check: present <= expected", "check: \"present <= expectd\"", "rule-unknown-field", "<= |expectd" },
        { "forms/F01.yml", "require: [absent_reason]", "require: [absent_reasons]", "rule-unknown-field", "[|absent_reasons]" },
        { "forms/F01.yml", "check: present <= expected", "check: present <= meeting_date", "rule-type", "present |<= meeting_date" },
        { "rules/R01.md", "every: month", "every: monthly", "unknown-every", "every: |monthly" },
        { "rules/R01.md", "due: \"6-25\"", "due: \"7-25\"", "invalid-due", "due: |\"7-25\"" },
        { "rules/R01.md", "    points: 4\n", "", "missing-points", "- |item" },
        { "forms/F01.yml", "    columns:\n      - id: name\n        label: 姓名\n        type: person\n        required: true\n      - id: signed\n        label: 已签到\n        type: checkbox\n", "", "missing-columns", "- |id: attendance" },
        { "records/L01.md", "---\nid: L01", "id: L01", "missing-front-matter", "|id: L01" },
        { "forms/F01.yml", "id: online", "id: Online", "invalid-id", "id: |Online" },
        { "forms/F01.yml", "pattern: \".+党小组$\"", "pattern: \"(unclosed\"", "invalid-pattern", "pattern: |\"(unclosed\"" },
        { "forms/F01.yml", "    min: 1\n    max: 100", "    min: one\n    max: 100", "invalid-value", "min: |one" },
        { "rules/R01.md", "revised: 2026-01-15", "revised: 2026-02-30", "invalid-value", "revised: |2026-02-30" },
        { "forms/F01.yml", "period: meeting", "period: weekly", "invalid-value", "period: |weekly" },
        { "forms/F01.yml", "    label: 会议日期\n    type: date", "    label: 会议日期\n    type: date\n    unit: true", "invalid-unit-field", "type: date\n    unit: |true" },
        { "forms/F01.yml", "    pattern: \".+党小组$\"\n  - id: meeting_date", "    pattern: \".+党小组$\"\n    unit: true\n  - id: meeting_date\n    unit: true", "duplicate-unit-field", "meeting_date\n    unit: |true" },
        { "forms/F01.yml", "period: meeting", "period: meeting\ndate: host", "invalid-date-field", "date: |host" },
        { "forms/F01.yml", "period: meeting", "period: meeting\ndate: no_such_field", "invalid-date-field", "date: |no_such_field" },
        { "rules/R01.md", "    every: month\n", "    every: month\n    form: F09\n", "form-not-in-article", "form: |F09" },
        { "rules/R01.md", "    deduct: 少开一次扣1分\n", "    deduct: 少开一次扣1分\n    evidence: F09\n", "form-not-in-article", "evidence: |F09" },
        { "rules/R01.md", "    deduct: 少开一次扣1分\n", "    deduct: 少开一次扣1分\n    per_missing: 1\n", "invalid-value", "per_missing: |1" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void EachBreakIsReportedOnceAtItsPlace(string path, string find, string replace, string code, string marker)
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace(path, find, replace);

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal((path, code, Severity.Error), (diagnostic.Path, diagnostic.Code, diagnostic.Severity));
        Assert.Equal(HostileSourceTests.PositionOf(fixture.Read(path), marker), (diagnostic.Line, diagnostic.Column));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", diagnostic.Message);
    }

    [Theory]
    [InlineData("min: 95%", "min: 95", "min: |95")]
    [InlineData("min: 80%", "min: 120%", "min: |120%")]
    public void AGradeTheScoringTotalCannotReachIsAWarningAtItsMinimum(string find, string replace, string marker)
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("handbook.yml", find, replace);

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal(("handbook.yml", "unreachable-grade", Severity.Warning), (diagnostic.Path, diagnostic.Code, diagnostic.Severity));
        Assert.Equal(HostileSourceTests.PositionOf(fixture.Read("handbook.yml"), marker), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void AGradeAsAPercentageIsThatShareOfTheScoringTotal()
    {
        using var fixture = new FixtureHandbook();

        var book = BookLoader.Load(fixture.Root).Book!;

        var total = book.Parts.SelectMany(p => p.Articles).SelectMany(a => a.Scoring).Sum(s => s.Points);
        Assert.Equal([total * 0.95m, total * 0.80m, 0m], book.Info.Grading.Select(b => b.Min));
    }

    [Fact]
    public void YamlSyntaxErrorIsReportedAtItsLine()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "    label: 会议日期\n", "    label: 会议日期\n   help: 缩进错了\n");

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal(("forms/F01.yml", "yaml-syntax"), (diagnostic.Path, diagnostic.Code));
        Assert.Equal(HostileSourceTests.PositionOf(fixture.Read("forms/F01.yml"), "|   help: 缩进错了").Line, diagnostic.Line);
    }

    [Fact]
    public void ArticleSavedWithByteOrderMarkAndWindowsLineEndsLoads()
    {
        using var fixture = new FixtureHandbook();
        var path = Path.Combine(fixture.Root, "rules/R01.md");
        var text = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)); // as Notepad saves

        var result = BookLoader.Load(fixture.Root);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("党小组会制度", result.Book!.Articles.Single(a => a.Id == "R01").Title);
    }

    [Fact]
    public void YamlSyntaxErrorInFrontMatterCountsLinesFromTheFileStart()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("rules/R01.md", "owner: 党小组长", "owner: 党小组长: 组长");

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.Equal(5, diagnostic.Line);
        Assert.Contains("加引号", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateArticleIdIsReportedOnTheSecondFile()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("records/L02.md", fixture.Read("records/L01.md").Replace("order: 1", "order: 2", StringComparison.Ordinal));

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal(("records/L02.md", "duplicate-id", 2), (diagnostic.Path, diagnostic.Code, diagnostic.Line));
        Assert.Contains("records/L01.md", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateFormIdIsReportedOnTheSecondFile()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("forms/F02.yml", fixture.Read("forms/F01.yml"));

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal(("forms/F02.yml", "duplicate-id", 1, 5), (diagnostic.Path, diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void MissingPartFolderIsReportedInHandbookYml()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("handbook.yml", "folder: records", "folder: ledgers");

        var diagnostics = BookLoader.Load(fixture.Root).Diagnostics;

        Assert.Contains(diagnostics, d => d is { Path: "handbook.yml", Code: "missing-folder", Line: 8, Column: 13 });
    }

    [Fact]
    public void NotAHandbookFolderIsOneClearError()
    {
        var result = BookLoader.Load(Path.GetTempPath());

        Assert.Null(result.Book);
        Assert.Equal("missing-file", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void AMisspeltRequiredKeyIsOneErrorThatNamesTheKeyMeant()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("rules/R01.md", "owner:", "onwer:");

        var diagnostic = Assert.Single(BookLoader.Load(fixture.Root).Diagnostics);

        Assert.Equal(("unknown-key", 5, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("是否应为“owner”", diagnostic.Message, StringComparison.Ordinal);
    }
}
