using System.CommandLine;
using Handbook.Loading;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Commands;

/// <summary>`publisher check`: every problem in the handbook source, one per line, exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var source = CommonOptions.Source();
        var templates = CommonOptions.Templates();
        var format = new Option<string>("--format") { Description = "输出格式：text、json、github（Actions 工作流命令）或 sarif（SARIF 2.1.0）", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(DiagnosticFormats.Names);
        var baseRef = new Option<string?>("--base") { Description = "与此 git 版本比较表单字段，字段变了而版本号未变则报错" };
        var command = new Command("check", "检查手册源文件和模板：YAML、前置信息、表单定义、规则、链接、锚点和模板")
            { source, templates, format, baseRef };
        command.SetAction(result => Run(result.GetValue(source)!, result.GetValue(templates)!, result.GetValue(format)!, result.GetValue(baseRef),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo source, DirectoryInfo templates, string format, string? baseRef, TextWriter output, TextWriter error)
    {
        var load = BookLoader.Load(source.FullName);
        var diagnostics = load.Diagnostics.Select(d => d.Under(source.ToString())).ToList();
        if (baseRef is not null && load.Book is not null)
        {
            var versions = FormVersionCheck.Run(load.Book, baseRef);
            if (versions.Failure is not null)
            {
                error.WriteLine(versions.Failure);
                return 2;
            }
            diagnostics.AddRange(versions.Diagnostics.Select(d => d.Under(source.ToString())));
        }
        // The templates are rendered against the handbook, so only against one that loaded without errors.
        if (load.Book is not null && !load.HasErrors)
            diagnostics.AddRange(TemplateCheck.Run(load.Book, source.ToString(), templates.ToString(), new Layouts(templates.FullName),
                DateTime.Today.Year, forms: true, site: true));

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var book = load.Book;
        var summary = errors == 0
            ? $"检查通过：{book!.Parts.Length} 篇，{book.Articles.Count()} 篇文章，{book.Forms.Length} 张表单。"
            : $"发现 {errors} 个错误，{diagnostics.Count - errors} 个警告。";
        DiagnosticFormats.Write(format, diagnostics, summary, output);
        return errors == 0 ? 0 : 1;
    }
}
