namespace Handbook.Validator.Findings;

/// <summary>Info is a result worth reporting that is not a problem (the grade a scoring sheet earns).</summary>
public enum FindingSeverity { Error, Warning, Info }

/// <summary>One problem found in a record. Code is stable (tools depend on it); Message is Chinese, for the reviewer.</summary>
/// <param name="Field">The field key (`host`, `speeches.2.speaker`), when the finding is about one field.</param>
/// <param name="Label">The field's label as the form shows it, when there is a field.</param>
public sealed record Finding(string Code, FindingSeverity Severity, string Message, string? Field = null, string? Label = null)
{
    public static Finding Error(string code, string message, string? field = null, string? label = null) =>
        new(code, FindingSeverity.Error, message, field, label);

    public static Finding Warning(string code, string message, string? field = null, string? label = null) =>
        new(code, FindingSeverity.Warning, message, field, label);

    public static Finding Info(string code, string message, string? field = null, string? label = null) =>
        new(code, FindingSeverity.Info, message, field, label);

    public bool IsError => Severity == FindingSeverity.Error;
}
