using System.CommandLine;
using Handbook.Loading;

namespace Handbook.Publisher.Commands;

/// <summary>`publisher check`: every problem in the handbook source, one per line, exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var source = CommonOptions.Source();
        var format = new Option<string>("--format") { Description = "输出格式：text、json、github（Actions 工作流命令）或 sarif（SARIF 2.1.0）", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(DiagnosticFormats.Names);
        var baseRef = new Option<string?>("--base") { Description = "与此 git 版本比较表单字段，字段变了而版本号未变则报错" };
        var command = new Command("check", "检查手册源文件：YAML、前置信息、表单定义、规则、链接和锚点") { source, format, baseRef };
        command.SetAction(result => Run(result.GetValue(source)!, result.GetValue(format)!, result.GetValue(baseRef),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo source, string format, string? baseRef, TextWriter output, TextWriter error)
    {
        var load = BookLoader.Load(source.FullName);
        var diagnostics = load.Diagnostics.ToList();
        if (baseRef is not null && load.Book is not null)
        {
            var versions = FormVersionCheck.Run(load.Book, baseRef);
            if (versions.Failure is not null)
            {
                error.WriteLine(versions.Failure);
                return 2;
            }
            diagnostics.AddRange(versions.Diagnostics);
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var book = load.Book;
        var summary = errors == 0
            ? $"检查通过：{book!.Parts.Length} 篇，{book.Articles.Count()} 篇文章，{book.Forms.Length} 张表单。"
            : $"发现 {errors} 个错误，{diagnostics.Count - errors} 个警告。";
        DiagnosticFormats.Write(format,
            [.. diagnostics.Select(d => d with { Path = Path.Combine(source.ToString(), d.Path).Replace('\\', '/') })],
            summary, output);
        return errors == 0 ? 0 : 1;
    }
}
