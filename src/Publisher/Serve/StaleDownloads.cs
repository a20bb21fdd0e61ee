using Handbook.Model;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The downloads a change made stale (the printed handbook after an article's text, a form's .docx and ledger, …),
/// rewritten when one of them is next asked for, not at each save: an editor saving again and again waits only for the
/// pages, and the printed handbook of thousands of chapters (seconds of work) is made once, when someone downloads.
/// Changes are merged, for the latest handbook. The files are written into a folder of their own, then moved over the
/// served ones.
/// </summary>
internal sealed class StaleDownloads(string root)
{
    private sealed record Request(Book Book, Layouts Layouts, string Templates, int Year, HashSet<IOutput> Outputs, Dictionary<string, Form> Forms);

    private readonly object _gate = new();
    private readonly object _writing = new();
    private Request? _next;
    private int _runs;

    /// <summary>The folder served, where the downloads go.</summary>
    public string Target { get; set; } = "";

    public void Refresh(Book book, Layouts layouts, string templates, int year, IEnumerable<IOutput> outputs, IEnumerable<Form> forms)
    {
        lock (_gate)
        {
            var next = _next ?? new Request(book, layouts, templates, year, [], new(StringComparer.Ordinal));
            next.Outputs.UnionWith(outputs);
            foreach (var form in forms) next.Forms[form.Id] = form;
            if (next.Outputs.Count == 0 && next.Forms.Count == 0) return;
            _next = next with { Book = book, Layouts = layouts };
        }
    }

    /// <summary>Rewrites what is stale, if anything; a download is served after this.</summary>
    public void Write()
    {
        lock (_writing)
        {
            Request request;
            lock (_gate)
            {
                if (_next is null) return;
                (request, _next) = (_next, null);
            }
            var staging = Path.Combine(root, $"downloads-{++_runs}");
            try
            {
                Directory.CreateDirectory(staging);
                var context = new BuildContext(staging, request.Templates, request.Year, request.Layouts);
                // Only the forms changed: the form outputs write every form of the book they are given.
                var forms = request.Book with { Forms = [.. request.Forms.Values] };
                Parallel.ForEach(request.Outputs, o => o.Write(request.Book, context));
                if (request.Forms.Count > 0)
                    Parallel.ForEach(Outputs.All.Where(o => o is FormsOutput or LedgersOutput), o => o.Write(forms, context));
                var target = Target;
                foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
                {
                    var to = Path.Combine(target, Path.GetRelativePath(staging, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Move(file, to, overwrite: true);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or AggregateException or UnauthorizedAccessException)
            {
                // The sources were checked before: this is a fault to look into, told on the server's console.
                Console.Error.WriteLine($"更新下载文件失败：{e.Message}");
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
        }
    }
}
