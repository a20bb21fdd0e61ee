using System.Diagnostics;
using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Publisher.Commands;

/// <summary>
/// `check --base REF`: compares every form with its definition at a git revision and reports a form
/// whose fields changed while its version stayed the same.
/// </summary>
internal static class FormVersionCheck
{
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, string? Failure);

    public static Result Run(Book book, string baseRef)
    {
        var verify = Git(book.Root, "rev-parse", "--verify", "--quiet", baseRef + "^{commit}");
        if (verify.ExitCode != 0)
            return new([], $"错误：无法读取 git 版本“{baseRef}”（手册文件夹须在 git 仓库中，且该版本存在）。{verify.Error.Trim()}");

        var diagnostics = new List<Diagnostic>();
        foreach (var form in book.Forms)
        {
            var old = Git(book.Root, "show", $"{baseRef}:./{form.Path}");
            if (old.ExitCode != 0) continue; // a new form: nothing to compare with
            var before = FormReader.Read(form.Path, old.Output, []);
            if (before is null || before.Version != form.Version) continue;
            var changes = FormChanges.Between(before, form);
            if (changes.Count == 0) continue;
            var line = File.ReadLines(Path.Combine(book.Root, form.Path))
                .TakeWhile(l => !l.StartsWith("version:", StringComparison.Ordinal)).Count() + 1;
            diagnostics.Add(new Diagnostic(form.Path, line, 1, Severity.Error, "form-version-unchanged",
                $"表单 {form.Id} 的字段与 {baseRef} 相比有变化，但版本号仍为“{form.Version}”，请更新 version：{string.Join("；", changes)}"));
        }
        return new(diagnostics, null);
    }

    private static (int ExitCode, string Output, string Error) Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
