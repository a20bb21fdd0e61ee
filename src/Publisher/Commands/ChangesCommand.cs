using System.Globalization;
using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Loading;

namespace Handbook.Publisher.Commands;

/// <summary>
/// `publisher changes --base REF`: what the working tree changes for the units compared with a git revision, in
/// Chinese, for the pull request's description (Markdown) or for scripts (JSON).
/// </summary>
internal static class ChangesCommand
{
    public static Command Create()
    {
        var source = CommonOptions.Source();
        var baseRef = new Option<string>("--base") { Description = "与此 git 版本比较（通常是合并请求的目标分支）", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：markdown 或 json", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var templates = CommonOptions.Templates();
        var year = CommonOptions.Year();
        var command = new Command("changes", "列出本次修改对各单位的影响：文章、工作安排、表单、评分标准、下载文件") { source, baseRef, format, templates, year };
        command.SetAction(result => Run(result.GetValue(source)!, result.GetValue(baseRef)!, result.GetValue(format)!,
            result.GetValue(templates)!, result.GetValue(year), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo source, string baseRef, string format, DirectoryInfo templates, int year,
        TextWriter output, TextWriter error)
    {
        if (!source.Exists)
        {
            error.WriteLine($"错误：找不到手册文件夹“{source}”。");
            return 2;
        }
        if (Git.VerifyRevision(source.FullName, baseRef) is { } failure)
        {
            error.WriteLine(failure);
            return 2;
        }
        var after = BookLoader.Load(source.FullName).Book;
        if (after is null)
        {
            error.WriteLine($"错误：无法载入手册“{source}”，请先运行 publisher check。");
            return 1;
        }

        var baseFolder = Path.Combine(Path.GetTempPath(), "handbook-base-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(baseFolder);
        try
        {
            if (Git.Extract(source.FullName, baseRef, baseFolder) is { } extractFailure)
            {
                error.WriteLine(extractFailure);
                return 2;
            }
            var before = BookLoader.Load(baseFolder).Book;
            if (before is null)
            {
                error.WriteLine($"错误：{baseRef} 中的手册无法载入，无从比较。");
                return 2;
            }
            var report = HandbookChanges.Between(baseRef, before, after, ChangedTemplates(templates, baseRef), year);
            output.Write(format == "json" ? Json(report) : Markdown(report));
            return 0;
        }
        finally
        {
            Directory.Delete(baseFolder, recursive: true);
        }
    }

    /// <summary>Files under the templates folder that differ from the base revision; none when there is no such folder.</summary>
    private static List<string> ChangedTemplates(DirectoryInfo templates, string baseRef)
    {
        if (!templates.Exists) return [];
        var diff = Git.Run(templates.FullName, "diff", "--name-only", "--relative", baseRef, "--", ".");
        return diff.ExitCode == 0 ? [.. diff.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : [];
    }

    private static string Json(ChangeReport report) => JsonSerializer.Serialize(report, ChangeReportJson.Relaxed.ChangeReport) + "\n";

    private static string Markdown(ChangeReport report)
    {
        if (report.IsEmpty) return $"本次修改与 {report.Base} 相比，对各单位没有影响：文章、工作安排、表单、评分标准和下载文件均未变化。\n";
        var text = new StringBuilder($"## 本次修改对各单位的影响（与 {report.Base} 相比）\n");
        Section(text, "⚠ 请在提交审批前处理", report.Warnings);
        Section(text, "文章", report.Articles);
        Section(text, "工作安排（各单位须按新要求执行）", report.Schedule);
        Section(text, "表单", report.Forms);
        Section(text, "评分标准", report.Scoring);
        Section(text, "将变化的下载文件", report.Downloads);
        if (report.Templates.Count > 0) text.Append(CultureInfo.InvariantCulture, $"\n模板（网站和文件的外观）有变化：{string.Join("、", report.Templates)}\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        text.Append(CultureInfo.InvariantCulture, $"\n### {title}\n\n");
        foreach (var line in lines) text.Append(CultureInfo.InvariantCulture, $"- {line}\n");
    }
}
