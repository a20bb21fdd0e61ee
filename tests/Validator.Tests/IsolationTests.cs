using System.Text.Json;
using Handbook.Tests;
using Handbook.Validator.Commands;
using Handbook.Validator.Findings;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;
using Handbook.Validator.Reports;
using Handbook.Validator.Running;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>Whatever goes wrong with one file is a finding on that file, and the run goes on with the next.</summary>
public sealed class IsolationTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static RunReport Run(IReadOnlyList<RecordSource> sources, RecordValidator? validator = null) =>
        ValidationRun.Run(validator ?? TestHandbook.Validator, sources, jobs: 2);

    private static RunReport Run(string path)
    {
        using var expander = new InputExpander();
        return Run(expander.Expand([path], TestHandbook.Validator.Limits));
    }

    [Fact]
    public void A_zip_whose_directory_fails_only_when_read_is_corrupt_and_the_next_file_is_checked()
    {
        folder.Write("a-目录偏移.docx", HostileFiles.ShiftedCentralDirectory(Record("F03"), 15));
        folder.Write("b-正常.docx", Record("F03"));
        var run = Run(folder.Path);
        Assert.Equal(2, run.Files.Count);
        Assert.Equal(["corrupt-package"], Codes(run.Files[0]));
        Assert.True(run.Files[1].Valid);
        Assert.Equal("F03", run.Files[1].Form?.Id);
    }

    [Fact]
    public void A_corrupt_zip_among_the_inputs_is_a_finding_not_a_stop()
    {
        var record = Record("F03");
        folder.Write("一支部.zip", HostileFiles.CorruptArchive(record));
        folder.Write("二支部.zip", HostileFiles.ShiftedCentralDirectory(HostileFiles.Archive(("一季度/记录.docx", record)), 15));
        folder.Write("三支部.zip", HostileFiles.Archive(("一季度/记录.docx", record)));
        folder.Write("四支部/记录.docx", record);
        var run = Run(folder.Path);
        Assert.Equal(["一支部.zip", "三支部.zip/一季度/记录.docx", "二支部.zip", "四支部/记录.docx"],
            run.Files.Select(f => Path.GetRelativePath(folder.Path, f.Path).Replace('\\', '/')));
        Assert.Equal(["corrupt-package"], Codes(run.Files[0]));
        Assert.Equal(["corrupt-package"], Codes(run.Files[2]));
        Assert.True(run.Files[1].Valid && run.Files[3].Valid);

        var report = Path.Combine(folder.Path, "report.json");
        var exit = ValidateCommand.Create().Parse([folder.Path, "--source", RepositoryPaths.Handbook, "--format", "json", "--out", report]).Invoke();
        Assert.Equal(1, exit);
    }

    /// <summary>A validator whose "today" fails: a fault inside checking that no file causes.</summary>
    private static RecordValidator Failing() => new(Book, PackageLimits.Default, () => throw new InvalidOperationException("今天无法确定"));

    [Fact]
    public void A_fault_inside_checking_is_an_internal_error_on_that_file_only()
    {
        var report = Failing().Validate("record.docx", Record("F03"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("internal-error", "System.InvalidOperationException"), (finding.Code, finding.ExceptionType));
        Assert.Equal("F03", report.Form?.Id);
        // The same record on a working validator, and a file that is refused before checking, are unaffected.
        Assert.True(Validate(Record("F03")).Valid);
        Assert.Equal(["not-a-docx"], Codes(Failing().Validate("x.docx", HostileFiles.NotAZip())));
    }

    private sealed class ThrowingSource(string path) : RecordSource(path)
    {
        protected override (ReadOnlyMemory<byte> Data, Finding? Problem) ReadBytes(PackageLimits limits) => throw new NotSupportedException("磁盘出错");
    }

    private sealed class BytesSource(string path, byte[] data) : RecordSource(path)
    {
        protected override (ReadOnlyMemory<byte> Data, Finding? Problem) ReadBytes(PackageLimits limits) => (data, null);
    }

    [Fact]
    public void An_internal_error_has_its_exception_type_in_json_and_no_stack_trace_in_text_or_html()
    {
        RecordSource[] sources = [new BytesSource("a.docx", Record("F03")), new ThrowingSource("b.docx"), new BytesSource("c.docx", HostileFiles.Empty())];
        var run = Run(sources, Failing());
        Assert.Equal(["internal-error", "internal-error", "empty-file"], run.Files.Select(f => f.Findings.Single().Code));

        var json = new StringWriter();
        JsonReport.Write(run, json);
        var errors = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("errors")[0]).ToList();
        Assert.Equal("System.InvalidOperationException", errors[0].GetProperty("exception").GetString());
        Assert.Equal("System.NotSupportedException", errors[1].GetProperty("exception").GetString());
        Assert.False(errors[2].TryGetProperty("exception", out _));

        var text = new StringWriter();
        TextReport.Write(run, Book, text);
        var html = new StringWriter();
        HtmlReport.Write(run, Book, html);
        foreach (var shown in new[] { text.ToString(), html.ToString() })
        {
            Assert.Contains("程序内部出错", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("今天无法确定", shown, StringComparison.Ordinal);
        }
    }

    public void Dispose() => folder.Dispose();
}
