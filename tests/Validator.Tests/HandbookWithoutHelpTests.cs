using System.Text.RegularExpressions;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Tests;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;

namespace Handbook.Validator.Tests;

/// <summary>
/// The default handbook with every `help` removed: each empty control then shows its label as its placeholder.
/// Flattened, a record has only that text left, and it must still read as empty.
/// </summary>
public sealed partial class HandbookWithoutHelpTests : IClassFixture<HandbookWithoutHelpTests.WithoutHelp>
{
    private readonly WithoutHelp handbook;

    public HandbookWithoutHelpTests(WithoutHelp handbook) => this.handbook = handbook;

    [GeneratedRegex(@"^\s*help:.*\r?\n", RegexOptions.Multiline)]
    private static partial Regex HelpLine();

    /// <summary>A copy of the default handbook in a temporary folder, without help texts, loaded.</summary>
    public sealed class WithoutHelp : IDisposable
    {
        private readonly TempFolder folder = new();

        public WithoutHelp()
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Handbook, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Handbook, file);
                var text = File.ReadAllBytes(file);
                if (relative.StartsWith("forms", StringComparison.Ordinal) && file.EndsWith(".yml", StringComparison.Ordinal))
                    text = System.Text.Encoding.UTF8.GetBytes(HelpLine().Replace(File.ReadAllText(file), ""));
                folder.Write(relative, text);
            }
            var loaded = BookLoader.Load(folder.Path);
            Assert.Empty(loaded.Diagnostics);
            Book = loaded.Book!;
            Assert.All(Book.Forms.SelectMany(f => f.Fields.Concat(f.Fields.SelectMany(x => x.Columns))), f => Assert.Null(f.Help));
            Validator = new RecordValidator(Book, PackageLimits.Default, () => TestHandbook.Today);
            Records = new FormRecords(Book, RepositoryPaths.Templates);
        }

        public Book Book { get; }

        public RecordValidator Validator { get; }

        public FormRecords Records { get; }

        public void Dispose() => folder.Dispose();
    }

    public static TheoryData<string> FormIds() => [.. TestHandbook.Book.Forms.Select(f => f.Id)];

    private FileReport Flattened(string formId, Action<Dictionary<string, string>>? change = null)
    {
        var form = handbook.Book.FindForm(formId)!;
        var values = SampleValues.Valid(handbook.Book, form);
        change?.Invoke(values);
        return handbook.Validator.Validate("record.docx", RecordEdits.FlattenControls(handbook.Records.Filled(form, values)));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void A_valid_record_flattened_stays_valid(string formId)
    {
        var report = Flattened(formId);
        Assert.Equal(["controls-lost"], TestHandbook.Problems(report).Select(f => f.Code == "controls-lost" ? f.Code : $"{f.Code} {f.Field}: {f.Message}"));
        Assert.True(report.Valid);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void A_record_with_its_required_fields_left_empty_flattened_reports_each_missing(string formId)
    {
        var form = handbook.Book.FindForm(formId)!;
        // The required fields whose control shows a placeholder when empty (a checkbox shows its box instead).
        var required = form.Fields.Where(f => f.Required && f.Type is not (FieldType.Checkbox or FieldType.Choices or FieldType.Table))
            .Select(f => f.Id).ToList();
        if (required.Count == 0) return;
        var report = Flattened(formId, values => { foreach (var id in required) values.Remove(id); });
        Assert.False(report.Valid);
        var missing = report.Findings.Where(f => f.Code == "required-missing").Select(f => f.Field).ToList();
        Assert.All(required, id => Assert.Contains(id, missing));
    }

    [Fact]
    public void An_empty_table_row_flattened_is_no_row()
    {
        // Every row of F03's speeches left empty: each cell shows its column label.
        var report = Flattened("F03", values =>
        {
            foreach (var key in values.Keys.Where(k => k.StartsWith("speeches.", StringComparison.Ordinal)).ToList()) values.Remove(key);
        });
        var finding = Assert.Single(report.Findings, f => f.Field == "speeches");
        Assert.Equal("too-few-rows", finding.Code);
    }
}
