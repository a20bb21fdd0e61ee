using Handbook.Validator.Fixtures;
using Handbook.Validator.Running;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>
/// Valid records of every form damaged at random (fixed seeds): every mutant is reported, and none meets a
/// fault in the validator (no internal-error), whatever was done to it.
/// </summary>
public class MutationTests
{
    private const int PerForm = 20;

    public static TheoryData<string> Forms() => [.. Book.Forms.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Forms))]
    public void No_mutant_of_a_valid_record_upsets_the_validator(string formId)
    {
        var seed = 20261201 + Book.Forms.ToList().FindIndex(f => f.Id == formId);
        var mutants = RecordMutations.Make(Record(formId), seed, PerForm).ToList();
        foreach (var (name, data) in mutants)
        {
            var report = TestHandbook.Validator.Validate(name, data);
            Assert.DoesNotContain(report.Findings, f => f.Code == "internal-error");
            Assert.Equal(name, report.Path);
        }
        // Every kind of damage was done at least once.
        Assert.Equal(RecordMutations.KindNames.Order(), mutants.Select(m => m.Name[4..]).Distinct().Order());
    }

    [Fact]
    public void A_folder_and_a_zip_of_mutants_are_reported_file_by_file()
    {
        using var folder = new TempFolder();
        var mutants = RecordMutations.Make(Record("F03"), 7, 40).ToList();
        foreach (var (name, data) in mutants) folder.Write($"散件/{name}.docx", data);
        folder.Write("打包.zip", HostileFiles.Archive([.. mutants.Select(m => ($"{m.Name}.docx", m.Data))]));
        using var expander = new InputExpander();
        var run = ValidationRun.Run(TestHandbook.Validator, expander.Expand([folder.Path], TestHandbook.Validator.Limits), jobs: 2);
        Assert.Equal(2 * mutants.Count, run.Files.Count);
        Assert.All(run.Files, f => Assert.DoesNotContain(f.Findings, x => x.Code == "internal-error"));
        // The same bytes give the same findings from disk and from inside a zip.
        var loose = run.Files.Where(f => f.Path.Contains("/散件/", StringComparison.Ordinal)).Select(f => string.Join(",", Codes(f)));
        var zipped = run.Files.Where(f => f.Path.Contains("打包.zip/", StringComparison.Ordinal)).Select(f => string.Join(",", Codes(f)));
        Assert.Equal(loose, zipped);
    }
}
