using Handbook.Validator.Findings;

namespace Handbook.Validator;

/// <summary>The form a record was made from, as far as it could be told.</summary>
public sealed record FormRef(string Id, string? Version);

/// <summary>The result of validating one file.</summary>
/// <param name="Path">As the reviewer named it ('/' separated; inside a .zip: archive.zip/inner/path.docx).</param>
public sealed record FileReport(string Path, FormRef? Form, IReadOnlyList<Finding> Findings)
{
    public bool Valid => !Findings.Any(f => f.IsError);

    public int Errors => Findings.Count(f => f.IsError);

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);
}
