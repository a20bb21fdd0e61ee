using Handbook.Validator.Findings;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;

namespace Handbook.Validator.Tests;

/// <summary>The default handbook, loaded once, and a validator over it with a fixed "today".</summary>
public static class TestHandbook
{
    public static readonly DateOnly Today = new(2026, 6, 30);

    public static string RepositoryRoot { get; } = FindRoot();

    public static Book Book { get; } = BookLoader.Load(Path.Combine(RepositoryRoot, "handbook")).Book!;

    public static RecordValidator Validator { get; } = new(Book, PackageLimits.Default, () => Today);

    public static FormRecords Records { get; } = new(Book, Path.Combine(RepositoryRoot, "templates"));

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

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Handbook.sln"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }
}
