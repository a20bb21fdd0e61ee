using System.CommandLine;
using System.Diagnostics;
using Handbook.Loading;
using Handbook.Office.Templates;
using Handbook.Publisher.Build;
using Handbook.Publisher.Site;

namespace Handbook.Publisher.Commands;

/// <summary>`publisher build`: load and check the handbook, then write every output atomically.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var source = CommonOptions.Source();
        var output = new Option<DirectoryInfo>("--out") { Description = "输出文件夹", DefaultValueFactory = _ => new DirectoryInfo("site") };
        var templates = CommonOptions.Templates();
        var year = CommonOptions.Year();
        var only = new Option<string[]>("--only") { Description = "只生成指定的输出（可多次给出）", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong([.. Outputs.All.Select(o => o.Name)]);
        var command = new Command("build", "生成网站和全部下载文件") { source, output, templates, year, only };
        command.SetAction(result => Run(result.GetValue(source)!, result.GetValue(output)!, result.GetValue(templates)!,
            result.GetValue(year), result.GetValue(only) ?? [], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo source, DirectoryInfo output, DirectoryInfo templates, int year, string[] only,
        TextWriter console, TextWriter error)
    {
        var stopwatch = Stopwatch.StartNew();
        var load = BookLoader.Load(source.FullName);
        foreach (var d in load.Diagnostics)
            error.WriteLine(d.Under(source.ToString()));
        if (load.HasErrors || load.Book is null)
        {
            error.WriteLine("手册有错误，未生成任何文件。请先修正以上问题（可用 publisher check 查看）。");
            return 1;
        }
        if (!templates.Exists)
        {
            error.WriteLine($"错误：找不到模板文件夹“{templates}”。");
            return 2;
        }

        var book = load.Book;
        var selected = Outputs.All.Where(o => only.Length == 0 || only.Contains(o.Name)).ToList();
        var layouts = new Layouts(templates.FullName);
        var mistakes = TemplateCheck.Run(book, source.ToString(), templates.ToString(), layouts, year,
            forms: selected.Any(o => o is FormsOutput), site: selected.Any(o => o is SiteOutput));
        foreach (var d in mistakes) error.WriteLine(d);
        if (mistakes.Count > 0)
        {
            error.WriteLine("模板有错误，未生成任何文件。请先修正以上问题（可用 publisher check 查看）。");
            return 1;
        }
        console.WriteLine($"已载入手册：{book.Parts.Length} 篇，{book.Articles.Count()} 篇文章，{book.Forms.Length} 张表单。");
        try
        {
            StagedBuild.Run(output.FullName, keepExisting: only.Length > 0, staging =>
            {
                var context = new BuildContext(staging, templates.FullName, year, layouts);
                void Write(IOutput writer)
                {
                    var step = Stopwatch.StartNew();
                    writer.Write(book, context);
                    lock (console) console.WriteLine($"  {writer.Name}：{step.Elapsed.TotalSeconds:F2} 秒");
                }
                // The downloads are independent of each other and written side by side; the site links them, so it comes after.
                Parallel.ForEach(selected.Where(o => o is not SiteOutput), Write);
                foreach (var site in selected.OfType<SiteOutput>()) Write(site);
            });
        }
        catch (Exception e) when (Problems(e, templates.ToString()) is { Count: > 0 } problems)
        {
            // A writer, a template or the style data says what is wrong and where; the output folder was not touched.
            foreach (var problem in problems) error.WriteLine(problem);
            error.WriteLine("生成失败，未改动输出文件夹。");
            return 1;
        }
        console.WriteLine($"已生成到 {output.FullName}（{stopwatch.Elapsed.TotalSeconds:F1} 秒）。");
        return 0;
    }

    /// <summary>
    /// What the user is told of a failed build: the writers' own messages, also when they come from pages written in
    /// parallel (once each); none when the failure is a bug, which then surfaces as it is.
    /// </summary>
    private static List<string> Problems(Exception e, string templates)
    {
        var all = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];
        return all.All(x => x is BuildException or InvalidDataException or TemplateException)
            ? [.. all.Select(x => x switch
            {
                BuildException => x.Message,
                TemplateException t => t.Diagnostic.Under(templates).ToString(),
                _ => $"错误：{x.Message}",
            }).Distinct()]
            : [];
    }
}
