using Handbook.Model;
using Handbook.Validator.Running;

namespace Handbook.Validator.Reports;

/// <summary>The terminal report: each file with its verdict and findings, then a summary.</summary>
public static class TextReport
{
    public static void Write(RunReport run, Book book, TextWriter writer)
    {
        foreach (var file in run.Files)
        {
            var counts = file.Findings.Count == 0 ? "" : $"  {file.Errors} 个错误，{file.Warnings} 个警告";
            writer.WriteLine($"{(file.Valid ? "✓" : "✗")} {ReportText.Verdict(file)}  {file.Path}  [{ReportText.Form(file, book)}]{counts}");
            // Messages name their field already; the code is for looking up or filtering.
            foreach (var finding in ReportText.Ordered(file))
                writer.WriteLine($"    {ReportText.Severity(finding)}  {finding.Message}  ({finding.Code})");
            if (file.Findings.Count > 0) writer.WriteLine();
        }
        if (run.Files.Count > 0 && run.Files[^1].Findings.Count == 0) writer.WriteLine();
        writer.WriteLine($"共检查 {run.Files.Count} 个文件：{run.ValidFiles} 个合格，{run.InvalidFiles} 个不合格；"
            + $"{run.Errors} 个错误，{run.Warnings} 个警告；用时 {ReportText.Seconds(run.Elapsed)} 秒。");
    }
}
