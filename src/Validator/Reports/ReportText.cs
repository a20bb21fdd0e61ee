using System.Globalization;
using Handbook.Model;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Reports;

/// <summary>Wording shared by the human-readable reports.</summary>
internal static class ReportText
{
    public static string Severity(Finding f) => f.Severity switch
    {
        FindingSeverity.Error => "错误",
        FindingSeverity.Warning => "警告",
        _ => "结果",
    };

    public static string Form(FileReport file, Book book)
    {
        if (file.Form is null) return "表单未识别";
        // Id and version are as the record claims them: from a damaged record, anything.
        var title = book.FindForm(file.Form.Id)?.Title;
        var version = file.Form.Version is null ? "" : $"（版本 {Finding.Excerpt(file.Form.Version, 20)}）";
        return title is null ? $"{Finding.Excerpt(file.Form.Id, 20)}{version}" : $"{file.Form.Id} {title}{version}";
    }

    public static string Verdict(FileReport file) => file.Valid ? "合格" : "不合格";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Errors, then warnings, then results; within each, the order they were found (the form's field order).</summary>
    public static IEnumerable<Finding> Ordered(FileReport file) => file.Findings.OrderBy(f => f.Severity);
}
