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
        if (Git.VerifyRevision(book.Root, baseRef) is { } failure) return new([], failure);

        var diagnostics = new List<Diagnostic>();
        foreach (var form in book.Forms)
        {
            var old = Git.Run(book.Root, "show", $"{baseRef}:./{form.Path}");
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
}
