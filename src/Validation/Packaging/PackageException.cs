using Handbook.Validator.Findings;

namespace Handbook.Validator.Packaging;

/// <summary>Reading the package had to stop; the finding says why.</summary>
public sealed class PackageException(Finding finding) : Exception(finding.Message)
{
    public Finding Finding { get; } = finding;
}
