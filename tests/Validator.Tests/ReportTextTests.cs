using System.Text.Json;
using System.Xml.Linq;
using Handbook.Validator.Findings;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Reports;
using Handbook.Validator.Running;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>Every report is written whatever text a file brings: control characters in names, half a surrogate pair in a quoted value.</summary>
public class ReportTextTests
{
    private static RunReport Odd()
    {
        using var folder = new TempFolder();
        // A zip entry's name is whatever the archiver wrote; a value cut short can end in half an emoji.
        folder.Write("一季度.zip", HostileFiles.Archive(("一支部/\u0001记录\u001b.docx", Record("F03", v => v.Remove("host")))));
        using var expander = new InputExpander();
        var run = ValidationRun.Run(TestHandbook.Validator, expander.Expand([folder.Path], TestHandbook.Validator.Limits), jobs: 1);
        var odd = new FileReport("二支部/\uD83D.docx", new FormRef("F03", "2026.1"),
            [Finding.Error("type-invalid", "“会议日期”应填写日期，现为“\uD83D\uDC68\u200D\uD83D”\uFFFE", "meeting_date", "会议日期"), Finding.Warning("tags-lost", "\uDC68")]);
        return new RunReport([.. run.Files, odd], run.Elapsed);
    }

    [Fact]
    public void Every_format_writes_a_report_that_its_readers_can_parse()
    {
        var run = Odd();
        var junit = new StringWriter();
        JUnitReport.Write(run, junit);
        var cases = XDocument.Parse(junit.ToString()).Descendants("testcase").ToList();
        Assert.Equal(2, cases.Count);
        Assert.Contains("\uFFFD记录\uFFFD.docx", cases[0].Attribute("name")!.Value, StringComparison.Ordinal);
        Assert.Contains("\uD83D\uDC68\u200D\uFFFD”\uFFFD", cases[1].Element("failure")!.Value, StringComparison.Ordinal);

        var json = new StringWriter();
        JsonReport.Write(run, json);
        Assert.Equal(2, JsonDocument.Parse(json.ToString()).RootElement.GetProperty("files").GetArrayLength());

        var html = new StringWriter();
        HtmlReport.Write(run, Book, html);
        Assert.Contains("会议日期", html.ToString(), StringComparison.Ordinal);
        var text = new StringWriter();
        TextReport.Write(run, Book, text);
        Assert.Contains("共检查 2 个文件", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_quoted_shortened_and_never_cut_inside_a_character()
    {
        var finding = Validate(Record("F03", v => v["expected"] = new string('9', 200_000))).Findings.Single();
        Assert.Equal(("type-invalid", "expected"), (finding.Code, finding.Field));
        Assert.True(finding.Message.Length < 200, finding.Message);
        Assert.Contains("共 200000 字", finding.Message, StringComparison.Ordinal);

        var emoji = Finding.Excerpt(string.Concat(Enumerable.Repeat("😀", 100)), 61);
        Assert.StartsWith(string.Concat(Enumerable.Repeat("😀", 30)) + "…", emoji, StringComparison.Ordinal);
    }
}
