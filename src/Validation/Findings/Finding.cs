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

    /// <summary>
    /// Something went wrong in the validator itself while reading or checking this file: the run goes on, the
    /// file is reported, and the exception's type (not its stack trace) is kept for the JSON report.
    /// </summary>
    public static Finding InternalError(Exception exception) =>
        Error(Codes.InternalError, "检查该文件时程序内部出错，未能完成检查；请把该文件转交手册维护人员") with { ExceptionType = exception.GetType().FullName };

    /// <summary>The type of the exception behind an <see cref="Codes.InternalError"/> finding; null for every other finding.</summary>
    public string? ExceptionType { get; init; }

    public bool IsError => Severity == FindingSeverity.Error;

    /// <summary>
    /// Text from the file as a message quotes it: at most <paramref name="max"/> characters (never half of a
    /// surrogate pair), then "…（共 N 字）": a value of 200,000 characters must not make every report as long.
    /// </summary>
    public static string Excerpt(string text, int max = 60)
    {
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return $"{text[..cut]}…（共 {text.Length} 字）";
    }
}
