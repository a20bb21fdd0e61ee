using System.CommandLine;
using Handbook;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Validator.Reports;
using Handbook.Validator.Running;
using Spectre.Console;

namespace Handbook.Validator.Commands;

/// <summary>The default action of `validator`: validate files, folders and .zip archives of records and report.</summary>
internal static class ValidateCommand
{
    public const int AllValid = 0, SomeInvalid = 1, CannotProceed = 2;

    public static RootCommand Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "记录文件（.docx）、文件夹（含子文件夹）或 .zip 压缩包", Arity = ArgumentArity.OneOrMore };
        var source = new Option<DirectoryInfo>("--source") { Description = "手册源文件夹", DefaultValueFactory = _ => new DirectoryInfo("handbook") };
        var format = new Option<string>("--format") { Description = "报告格式：text、json、html 或 junit", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html", "junit");
        var output = new Option<FileInfo?>("--out") { Description = "报告写入此文件（默认输出到终端）" };
        var jobs = new Option<int>("--jobs") { Description = "并行检查的线程数", DefaultValueFactory = _ => Environment.ProcessorCount };
        var root = new RootCommand("记录检查工具：检查各单位提交的 Word 记录是否完整、正确，并以中文或 JSON 报告。")
        {
            paths, source, format, output, jobs,
        };
        root.Subcommands.Add(LedgerCommand.Create());
        root.Subcommands.Add(RegisterCommand.Create());
        root.Subcommands.Add(ComplianceCommand.Create());
        root.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(source)!, r.GetValue(format)!, r.GetValue(output), r.GetValue(jobs)));
        return root;
    }

    private static int Run(string[] paths, DirectoryInfo source, string format, FileInfo? output, int jobs)
    {
        var book = LoadBook(source);
        if (book is null) return CannotProceed;
        var validator = new RecordValidator(book);
        using var expander = new InputExpander();
        var sources = Expand(expander, paths, validator, "无法检查");
        if (sources is null) return CannotProceed;

        var run = WithProgress(sources.Count, progress => ValidationRun.Run(validator, sources, jobs, progress));
        Write(run, book, format, output);
        return run.Valid ? AllValid : SomeInvalid;
    }

    /// <summary>The records named by the paths, or null (after saying why, after <paramref name="failure"/>).</summary>
    public static List<RecordSource>? Expand(InputExpander expander, string[] paths, RecordValidator validator, string failure)
    {
        try
        {
            return expander.Expand(paths, validator.Limits);
        }
        catch (Exception e) when (e is FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{failure}：{e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The handbook, or null (after saying why) when its forms cannot be relied on. Errors in articles, and a
    /// form naming a missing article, do not change how records are checked, so they do not stop a run.
    /// </summary>
    public static Book? LoadBook(DirectoryInfo source)
    {
        var load = BookLoader.Load(source.FullName);
        var blocking = load.Diagnostics
            .Where(d => d.Severity == Severity.Error && d.Code != "article-not-found"
                && (d.Path.StartsWith(BookLoader.FormsFolder + "/", StringComparison.Ordinal) || d.Path == BookLoader.MetadataFile))
            .ToList();
        if (load.Book is not null && blocking.Count == 0) return load.Book;
        Console.Error.WriteLine($"无法检查：手册“{source}”加载失败，表单定义不可用。");
        foreach (var d in blocking) Console.Error.WriteLine(d.Under(source.ToString()));
        return null;
    }

    /// <summary>A progress bar on the terminal (stderr, so that reports on stdout stay clean) for runs long enough to need one.</summary>
    private static RunReport WithProgress(int count, Func<Action?, RunReport> run)
    {
        if (Console.IsErrorRedirected || count < 50) return run(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("检查记录", maxValue: count);
            return run(() => task.Increment(1));
        });
    }

    private static void Write(RunReport run, Book book, string format, FileInfo? output)
    {
        void WriteTo(TextWriter writer)
        {
            switch (format)
            {
                case "json": JsonReport.Write(run, writer); break;
                case "html": HtmlReport.Write(run, book, writer); break;
                case "junit": JUnitReport.Write(run, writer); break;
                default: TextReport.Write(run, book, writer); break;
            }
        }

        if (output is null)
        {
            WriteTo(Console.Out);
            return;
        }
        // Written beside the target and moved into place: never a half-written report.
        var temporary = output.FullName + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
            WriteTo(writer);
        File.Move(temporary, output.FullName, overwrite: true);
        Console.Error.WriteLine($"报告已写入 {output.FullName}：{run.ValidFiles} 个合格，{run.InvalidFiles} 个不合格。");
    }
}
