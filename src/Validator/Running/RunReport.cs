namespace Handbook.Validator.Running;

/// <summary>The result of validating many records: one report per file, in input order.</summary>
public sealed record RunReport(IReadOnlyList<FileReport> Files, TimeSpan Elapsed)
{
    public bool Valid => Files.All(f => f.Valid);

    public int ValidFiles => Files.Count(f => f.Valid);

    public int InvalidFiles => Files.Count - ValidFiles;

    public int Errors => Files.Sum(f => f.Errors);

    public int Warnings => Files.Sum(f => f.Warnings);
}
