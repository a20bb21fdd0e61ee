using Handbook.Loading;
using Handbook.Model;
using Handbook.Tests;
using Handbook.Validator.Findings;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;

namespace Handbook.Validator.Tests;

/// <summary>The default handbook, loaded once, and a validator over it with a fixed "today".</summary>
public static class TestHandbook
{
    public static readonly DateOnly Today = new(2026, 6, 30);

    public static Book Book { get; } = BookLoader.Load(RepositoryPaths.Handbook).Book!;

    public static RecordValidator Validator { get; } = new(Book, PackageLimits.Default, () => Today);

    public static FormRecords Records { get; } = new(Book, RepositoryPaths.Templates);

    public static Form Form(string id) => Book.FindForm(id)!;

    /// <summary>The form's Word document filled with valid values, changed first by <paramref name="change"/>, then edited by <paramref name="edit"/>.</summary>
    public static byte[] Record(string formId, Action<Dictionary<string, string>>? change = null, Func<byte[], byte[]>? edit = null)
    {
        var form = Form(formId);
        var values = SampleValues.Valid(Book, form);
        change?.Invoke(values);
        var record = Records.Filled(form, values);
        return edit is null ? record : edit(record);
    }

    public static FileReport Validate(byte[] data, string path = "record.docx") => Validator.Validate(path, data);

    /// <summary>The codes of the problems found (errors and warnings; not results such as a scoring sheet's grade).</summary>
    public static string[] Codes(FileReport report) => [.. Problems(report).Select(f => f.Code)];

    public static IEnumerable<Finding> Problems(FileReport report) => report.Findings.Where(f => f.Severity != FindingSeverity.Info);
}
