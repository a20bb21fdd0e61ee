using System.Text.Json;
using Handbook.Tests;
using Handbook.Validator.Running;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>
/// The 303 real .docx files of other projects' test suites (../shared/corpus/realdocx, beside the repository):
/// none is a handbook record, so every one must be reported with a finding, none identified as a form, and
/// nothing may crash the run. Its time and memory are measured by command (docs/validator.md), not here.
/// </summary>
public class RealCorpusTests
{
    private static readonly string Corpus = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "realdocx"));

    private static readonly Lazy<RunReport> Report = new(() =>
    {
        Assert.True(Directory.Exists(Corpus), $"the real-world corpus is not at {Corpus}");
        using var expander = new InputExpander();
        return ValidationRun.Run(TestHandbook.Validator, expander.Expand([Corpus], TestHandbook.Validator.Limits), jobs: 2);
    });

    /// <summary>The corpus's own list of its files with their kinds (strict, external-rel, …).</summary>
    private static readonly Lazy<Dictionary<string, string[]>> Manifest = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, ".manifest.json"))).RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("file").GetString()!,
            e => e.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).ToArray()));

    private static FileReport Of(string file) => Report.Value.Files.Single(f => f.Path.EndsWith("/" + file, StringComparison.Ordinal));

    [Fact]
    public void Every_file_is_reported_with_a_finding_and_none_as_a_form_of_the_handbook()
    {
        var run = Report.Value;
        Assert.Equal(Manifest.Value.Count + 1, run.Files.Count); // the README is reported too
        foreach (var file in Manifest.Value.Keys) Of(file);
        Assert.All(run.Files, f =>
        {
            Assert.False(f.Valid, f.Path);
            Assert.DoesNotContain(f.Findings, x => x.Code == "internal-error");
            Assert.True(f.Form is null || Book.FindForm(f.Form.Id) is null, f.Path);
        });
    }

    [Fact]
    public void Strict_documents_are_read_like_transitional_ones()
    {
        var strict = Manifest.Value.Where(p => p.Value.Contains("strict")).Select(p => Of(p.Key)).ToList();
        Assert.Equal(15, strict.Count);
        Assert.All(strict, f => Assert.Equal(["unknown-form"], Codes(f).Where(c => c != "local-template")));
    }

    [Fact]
    public void The_fuzzed_file_whose_zip_directory_is_off_is_a_corrupt_package()
    {
        Assert.Equal(["corrupt-package"], Codes(Of("apache+poi/document__clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx")));
    }

    [Fact]
    public void External_content_is_one_finding_per_kind()
    {
        var images = Of("apache+tika/test-files__017097.docx").Findings.Single(f => f.Code == "remote-content");
        Assert.Contains("68 个外部链接图片", images.Message, StringComparison.Ordinal);
        var wps = Of("Sayi+poi-tl/story__segment.docx");
        Assert.Equal(["local-template", "unknown-form"], Codes(wps).Order());
    }
}
