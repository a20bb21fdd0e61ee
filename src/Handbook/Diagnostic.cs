namespace Handbook;

public enum Severity { Error, Warning }

/// <summary>A problem found in the handbook source, at a place an editor can go to.</summary>
/// <param name="Path">File path relative to the handbook root, '/' separated.</param>
/// <param name="Code">Stable kebab-case code; tools and tests depend on it.</param>
/// <param name="Message">Chinese, for the editor.</param>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>The diagnostic with its path under a folder (as the user named it, to show paths they can open), '/' separated.</summary>
    public Diagnostic Under(string folder) => this with { Path = System.IO.Path.Combine(folder, Path).Replace('\\', '/') };

    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
