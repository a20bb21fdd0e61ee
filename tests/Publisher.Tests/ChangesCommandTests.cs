using System.Text.Json;
using static Handbook.Tests.CheckCommandTests;

namespace Handbook.Tests;

/// <summary>`publisher changes --base REF` in a temporary git repository: one test per kind of change.</summary>
public sealed class ChangesCommandTests : IDisposable
{
    private readonly FixtureHandbook fixture = new();

    public ChangesCommandTests()
    {
        fixture.Write("templates/site/page.hbs", "<main>{{body}}</main>\n");
        CommitAll(fixture.Root);
    }

    public void Dispose() => fixture.Dispose();

    private string Changes(params string[] more)
    {
        var (exit, output, error) = Run(["changes", "--source", fixture.Root, "--base", "HEAD",
            "--templates", Path.Combine(fixture.Root, "templates"), "--year", "2026", .. more]);
        Assert.True(exit == 0, error);
        return output;
    }

    [Fact]
    public void NothingChangedSaysSoInOneLine()
    {
        var output = Changes();
        Assert.Equal("本次修改与 HEAD 相比，对各单位没有影响：文章、工作安排、表单、评分标准和下载文件均未变化。", output.Trim());
    }

    [Fact]
    public void RevisedTextWithoutANewRevisedDateIsNamedAndWarned()
    {
        fixture.Replace("rules/R01.md", "党小组长。", "党小组长和党支部委员。");

        var output = Changes();

        Assert.Contains("- 修订：R01 党小组会制度，改动了谁来做；修订日期仍为 2026-01-15", output, StringComparison.Ordinal);
        Assert.Contains("rules/R01.md：R01 党小组会制度的内容有变化，但 revised 日期未更新（仍为 2026-01-15）。", output, StringComparison.Ordinal);
        Assert.Contains("downloads/测试手册.docx", output, StringComparison.Ordinal);

        fixture.Replace("rules/R01.md", "revised: 2026-01-15", "revised: 2026-03-01");
        output = Changes();
        Assert.Contains("- 修订：R01 党小组会制度，改动了谁来做；修订日期 2026-01-15 → 2026-03-01", output, StringComparison.Ordinal);
        Assert.DoesNotContain("revised 日期未更新", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticlesAddedAndRemovedAreListedWithTheirPart()
    {
        fixture.Write("rules/R02.md", "---\nid: R02\ntitle: 党费收缴制度\norder: 2\nowner: 支部书记\nrevised: 2026-02-01\n---\n# 党费收缴制度\n");
        File.Delete(Path.Combine(fixture.Root, "records/L01.md"));
        fixture.Replace("forms/F01.yml", "article: L01", "article: R01");
        fixture.Replace("rules/R01.md", "记录见[党小组会记录](../records/L01.md#填写范例)。", "记录见表单 F01。");

        var output = Changes();

        Assert.Contains("- 新增：R02 党费收缴制度（工作制度）", output, StringComparison.Ordinal);
        Assert.Contains("- 删除：L01 党小组会记录", output, StringComparison.Ordinal);
        Assert.Contains("改动了做什么", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleChangesSayWhatUnitsDoNowAndFromWhen()
    {
        fixture.Replace("rules/R01.md", "    every: month\n    due: \"25\"", "    every: week\n    due: \"5\"");
        fixture.Replace("rules/R01.md", "    due: \"6-25\"\n    by: 党小组长", "    due: \"6-20\"\n    by: 党支部书记\n  - task: 报送学习心得\n    every: quarter\n    due: \"3-10\"");
        fixture.Replace("rules/R01.md", "revised: 2026-01-15", "revised: 2026-04-01");

        var output = Changes();

        Assert.Contains("- R01 党小组会制度：任务“召开党小组会”时间由每月25日前改为每周五前（更频繁），自2026-04-01起。", output, StringComparison.Ordinal);
        Assert.Contains("- R01 党小组会制度：任务“党小组工作总结”时间由每年6、12月25日前改为每年6、12月20日前，负责人由党小组长改为党支部书记，自2026-04-01起。", output, StringComparison.Ordinal);
        Assert.Contains("- R01 党小组会制度：新增任务“报送学习心得”，由党小组长每年3、6、9、12月10日前完成，自2026-04-01起。", output, StringComparison.Ordinal);
        Assert.Contains("改动了何时做；", output, StringComparison.Ordinal);
        Assert.Contains("downloads/工作提醒表-2026.xlsx", output, StringComparison.Ordinal);
        Assert.Contains("downloads/工作日历-2026.ics", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FormFieldChangesShowOldAndNewVersion()
    {
        fixture.Replace("forms/F01.yml", "version: \"2026.1\"", "version: \"2026.2\"");
        fixture.Replace("forms/F01.yml", "    options: [学习, 议事, 组织生活]", "    options: [学习, 议事]");
        fixture.Replace("forms/F01.yml", "    label: 时长（小时）\n    type: number", "    label: 时长（小时）\n    type: number\n    required: true");

        var output = Changes();

        Assert.Contains("- F01 党小组会记录：版本 2026.1 → 2026.2：字段“duration”改为必填；字段“kind”的选项由“学习、议事、组织生活”改为“学习、议事”", output, StringComparison.Ordinal);
        Assert.Contains("downloads/forms/F01-党小组会记录-2026.2.docx", output, StringComparison.Ordinal);
        Assert.Contains("downloads/ledgers/F01-党小组会记录台账-2026.2.xlsx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("版本号未更新", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoringChangesGiveTheNewTotalAndGuardAHundred()
    {
        fixture.Replace("rules/R01.md", "    points: 4", "    points: 100");
        CommitAll(fixture.Root);
        fixture.Replace("rules/R01.md", "    points: 100", "    points: 90");

        var output = Changes();

        Assert.Contains("- R01 党小组会制度：评分项“每月召开党小组会”由 100 分改为 90 分", output, StringComparison.Ordinal);
        Assert.Contains("- 总分：100 → 90", output, StringComparison.Ordinal);
        Assert.Contains("评分标准总分原为 100 分，修改后为 90 分，须仍为 100 分。", output, StringComparison.Ordinal);
        Assert.Contains("downloads/对标自查评分表.xlsx", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedTemplatesAreNamedInOneLine()
    {
        fixture.Write("templates/site/page.hbs", "<main class=\"page\">{{body}}</main>\n");
        var output = Changes();
        Assert.Contains("模板（网站和文件的外观）有变化：site/page.hbs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("### 文章", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparesABranchWithItsTargetAndWritesJson()
    {
        Git(fixture.Root, "branch", "-M", "main");
        Git(fixture.Root, "checkout", "-qb", "edit");
        fixture.Replace("forms/F01.yml", "  - id: online\n    label: 线上召开\n    type: checkbox\n", "");
        CommitAll(fixture.Root);

        var (exit, output, _) = Run("changes", "--source", fixture.Root, "--base", "main", "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("main", json.GetProperty("base").GetString());
        Assert.Equal("F01 党小组会记录：版本仍为 2026.1：删除了字段“online”（线上召开）", json.GetProperty("forms")[0].GetString());
        Assert.Contains("forms/F01.yml：表单 F01 的字段与 main 相比有变化，但版本号未更新。", json.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownBaseStopsTheRun()
    {
        var (exit, _, error) = Run("changes", "--source", fixture.Root, "--base", "no-such-ref");
        Assert.Equal(2, exit);
        Assert.Contains("no-such-ref", error, StringComparison.Ordinal);
    }
}
