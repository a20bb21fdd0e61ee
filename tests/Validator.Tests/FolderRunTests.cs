using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Handbook.Tests;
using Handbook.Validator.Commands;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Reports;
using Handbook.Validator.Running;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>A quarter's folder as reviewers get it: good records, bad records, damaged files and a .zip of more.</summary>
public sealed class FolderRunTests : IDisposable
{
    private readonly TempFolder folder = new();

    public FolderRunTests()
    {
        folder.Write("一支部/2025-03-党小组会.docx", Record("F03"));
        folder.Write("一支部/2025-03-支委会.docx", Record("F02"));
        folder.Write("一支部/~$2025-03-党小组会.docx", [1, 2, 3]); // Word's lock file: skipped
        folder.Write("二支部/缺主持人.docx", Record("F03", v => v.Remove("host")));
        folder.Write("二支部/LibreOffice另存.docx", Record("F05", edit: RecordEdits.DropTags));
        folder.Write("二支部/控件变文字.docx", Record("F08", edit: RecordEdits.FlattenControls));
        foreach (var (name, _) in SafeOpeningTests.Cases().Select(r => ((string)r[0], (string)r[1])))
            folder.Write($"三支部/{name}.docx", SafeOpeningTests.Make(name));
        folder.Write("三支部/macros.docm", SafeOpeningTests.Make("macros"));
        folder.Write("三支部/remote-template.docx", SafeOpeningTests.Make("remote-template"));
        using var zip = new ZipArchive(File.Create(Path.Combine(folder.Path, "四支部.zip")), ZipArchiveMode.Create);
        using (var s = zip.CreateEntry("一季度/党员大会.docx").Open()) s.Write(Record("F01"));
        using (var s = zip.CreateEntry("一季度/实到超过应到.docx").Open()) s.Write(Record("F03", v => v["present"] = "9"));
    }

    private RunReport Run(int jobs = 2)
    {
        using var expander = new InputExpander();
        return ValidationRun.Run(TestHandbook.Validator, expander.Expand([folder.Path], TestHandbook.Validator.Limits), jobs);
    }

    [Fact]
    public void Every_file_is_reported_once_in_order_with_the_summary()
    {
        var run = Run();
        Assert.Equal(18, run.Files.Count);
        Assert.Equal(5, run.ValidFiles); // three good, tags lost, controls flattened; ones with warnings only
        Assert.Equal(13, run.InvalidFiles);
        Assert.Equal(run.Files.Select(f => f.Path).Order(StringComparer.Ordinal), run.Files.Select(f => f.Path));
        Assert.DoesNotContain(run.Files, f => f.Path.Contains("~$", StringComparison.Ordinal));
        var zipped = run.Files.Single(f => f.Path.EndsWith("四支部.zip/一季度/实到超过应到.docx", StringComparison.Ordinal));
        Assert.Contains("rule-failed", Codes(zipped));
        Assert.Equal(["tags-lost"], Codes(run.Files.Single(f => f.Path.EndsWith("LibreOffice另存.docx", StringComparison.Ordinal))));
    }

    [Fact]
    public void One_job_and_two_give_the_same_findings()
    {
        static string[] Summary(RunReport r) => [.. r.Files.Select(f => $"{f.Path} {string.Join(",", Codes(f))}")];
        Assert.Equal(Summary(Run(1)), Summary(Run(2)));
    }

    [Fact]
    public void The_json_report_has_the_contract_shape()
    {
        var writer = new StringWriter();
        JsonReport.Write(Run(), writer);
        var root = JsonDocument.Parse(writer.ToString()).RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var stats = root.GetProperty("stats");
        Assert.Equal((18, 5, 13), (stats.GetProperty("files").GetInt32(), stats.GetProperty("valid").GetInt32(), stats.GetProperty("invalid").GetInt32()));
        Assert.True(stats.GetProperty("seconds").GetDouble() >= 0);
        var missing = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("缺主持人.docx", StringComparison.Ordinal));
        Assert.Equal("F03", missing.GetProperty("form").GetProperty("id").GetString());
        var error = missing.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(("required-missing", "error", "host", "主持人", "必填项“主持人”未填写"),
            (error.GetProperty("code").GetString(), error.GetProperty("severity").GetString(), error.GetProperty("field").GetString(),
             error.GetProperty("label").GetString(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public void The_html_report_escapes_every_value()
    {
        folder.Write("五支部/<script>alert(1)</script>.docx", Record("F03", v => v["expected"] = "<img src=x onerror=alert(1)>"));
        var writer = new StringWriter();
        HtmlReport.Write(Run(), Book, writer);
        var html = writer.ToString();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("共检查 <b>19</b> 个文件", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_junit_report_has_a_failing_case_per_invalid_file()
    {
        var writer = new StringWriter();
        JUnitReport.Write(Run(), writer);
        var suite = XDocument.Parse(writer.ToString()).Root!.Element("testsuite")!;
        Assert.Equal(18, suite.Elements("testcase").Count());
        Assert.Equal(13, suite.Elements("testcase").Count(c => c.Element("failure") is not null));
        Assert.Equal("13", suite.Attribute("failures")!.Value);
    }

    [Fact]
    public void The_command_exits_1_for_invalid_records_0_for_valid_ones_and_2_when_it_cannot_proceed()
    {
        var source = RepositoryPaths.Handbook;
        var report = Path.Combine(folder.Path, "report.json");
        int Invoke(params string[] args) => ValidateCommand.Create().Parse([.. args, "--source", source, "--out", report]).Invoke();

        Assert.Equal(1, Invoke(folder.Path, "--format", "json"));
        Assert.Equal(18, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(0, Invoke(Path.Combine(folder.Path, "一支部", "2025-03-党小组会.docx")));
        Assert.Equal(2, Invoke(Path.Combine(folder.Path, "没有这个文件.docx")));
        Assert.Equal(2, ValidateCommand.Create().Parse([folder.Path, "--source", folder.Path]).Invoke());
    }

    public void Dispose() => folder.Dispose();
}
