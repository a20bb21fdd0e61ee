using Handbook.Loading;
using Handbook.Model;
using Handbook.Office.Templates;
using Handbook.Publisher.Build;
using Handbook.Publisher.Site;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The site `serve` shows, built in a private folder and rebuilt as the sources change, re-rendering only what a change
/// touches: an article's page and search shards (and, when its title changed, the pages that show it); a form's
/// downloads and the pages listing it; a site template's pages. The downloads that a change makes stale are rewritten
/// when one is next asked for (<see cref="StaleDownloads"/>). Anything else (a new, removed or renamed
/// file, handbook.yml, the form and Word templates) rebuilds everything. Not thread-safe: one change at a time.
/// </summary>
internal sealed class PreviewSite : IDisposable
{
    private readonly DirectoryInfo _source;
    private readonly DirectoryInfo _templates;
    private readonly int _year;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "handbook-serve-" + Guid.NewGuid().ToString("N"));
    private readonly StaleDownloads _downloads;
    private readonly ArticleCache _articles = new();
    private int _builds;
    private Book? _book;
    private Layouts? _layouts;
    private SearchIndexWriter? _search;
    /// <summary>The files changed since the last build that succeeded: while the sources are broken, changes gather.</summary>
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly object _validatorGate = new();
    /// <summary>The handbook validator/handbook.bin is to be written from; null when it is up to date.</summary>
    private Book? _validatorStale;

    /// <param name="source">The handbook folder, as the user named it (diagnostics show paths under it).</param>
    /// <param name="templates">The templates folder likewise.</param>
    public PreviewSite(DirectoryInfo source, DirectoryInfo templates, int year)
    {
        _source = source;
        _templates = templates;
        _year = year;
        // Only this user may read what is built (and uploads are never put here: they stay in memory).
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_root); // under the user's own temporary folder
        else Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Output = Path.Combine(_root, "empty");
        Directory.CreateDirectory(Output);
        _downloads = new StaleDownloads(_root);
    }

    /// <summary>The folder served: replaced as a whole by a full build, updated in place otherwise.</summary>
    public string Output { get; private set; }

    /// <summary>What `check` would say while the sources have errors, in place of every page; empty when they build.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; private set; } = [];

    /// <summary>The handbook of the last successful build, for the validation API (null before one).</summary>
    public Book? Book => _book;

    public void Build() => Apply([]);

    /// <param name="changed">Full paths of the files changed since the last call; none: build everything.</param>
    public void Apply(IReadOnlyCollection<string> changed)
    {
        _changed.UnionWith(changed);
        _articles.Forget(changed);
        changed = _changed;
        try
        {
            var load = BookLoader.Load(_source.FullName, _articles);
            if (load.HasErrors || load.Book is null)
            {
                Problems = [.. load.Diagnostics.Select(d => d.Under(_source.ToString()))];
                return;
            }
            var templatesChanged = changed.Where(p => Under(p, _templates.FullName)).ToList();
            var layouts = _layouts is null || templatesChanged.Count > 0 ? new Layouts(_templates.FullName) : _layouts;
            if (_layouts is null || templatesChanged.Count > 0)
            {
                var mistakes = TemplateCheck.Run(load.Book, _source.ToString(), _templates.ToString(), layouts, _year, forms: true, site: true);
                if (mistakes.Count > 0)
                {
                    Problems = mistakes;
                    return;
                }
            }
            if (_book is null || _search is null || changed.Count == 0 || !Update(_book, load.Book, layouts, changed, templatesChanged))
                Rebuild(load.Book, layouts);
            _book = load.Book;
            _layouts = layouts;
            _changed.Clear();
            Problems = [];
        }
        catch (Exception e) when (e is BuildException or TemplateException or InvalidDataException or IOException or AggregateException)
        {
            Problems = [Failure(e)];
        }
    }

    private void Rebuild(Book book, Layouts layouts)
    {
        var output = Path.Combine(_root, $"site-{++_builds}");
        Directory.CreateDirectory(output);
        var context = new BuildContext(output, _templates.FullName, _year, layouts);
        try
        {
            // As `build` does: the downloads side by side, then the site that links them.
            Parallel.ForEach(Outputs.All.Where(o => o is not SiteOutput), o => o.Write(book, context));
            _search = SiteOutput.Write(book, context, updatable: true);
        }
        catch
        {
            Directory.Delete(output, recursive: true);
            throw;
        }
        var previous = Output;
        Output = output;
        _downloads.Target = output;
        // A request still reading the previous folder gets its file (Linux keeps open files of a deleted folder).
        Directory.Delete(previous, recursive: true);
    }

    /// <summary>Updates the site in place for the changes; false when they need a full build.</summary>
    private bool Update(Book old, Book book, Layouts layouts, IReadOnlyCollection<string> changed, List<string> templatesChanged)
    {
        if (!SameShape(old, book)) return false;
        var oldArticles = old.Articles.ToList();
        var articles = book.Articles.ToList();
        var render = new PageSet();
        var stale = new HashSet<IOutput>();
        for (var i = 0; i < articles.Count; i++)
        {
            var (before, after) = (oldArticles[i], articles[i]);
            if (ReferenceEquals(before, after) || (before.Body == after.Body && SameFrontMatter(before, after) && before.Title == after.Title)) continue;
            render.Articles.Add(i);
            render.Search.Add(i);
            stale.Add(Outputs.All.OfType<PrintedHandbookOutput>().Single());
            if (before.Title != after.Title)
            {
                render.Others = true;
                if (i > 0) render.Articles.Add(i - 1);
                if (i + 1 < articles.Count) render.Articles.Add(i + 1);
            }
            if (!SameFrontMatter(before, after))
            {
                render.Others = true;
                stale.UnionWith(Outputs.All.Where(o => o is RemindersOutput or ScoringOutput));
            }
        }
        var sources = changed.Where(p => Under(p, _source.FullName)).Select(p => Path.GetRelativePath(_source.FullName, p).Replace('\\', '/')).ToHashSet();
        if (sources.Contains(BookLoader.MetadataFile)) return false;
        var forms = book.Forms.Where(f => sources.Contains(f.Path)).ToList();
        if (forms.Count > 0)
        {
            render.Others = true;
            for (var i = 0; i < articles.Count; i++)
                if (articles[i].Forms.Any(id => forms.Any(f => f.Id == id))) render.Articles.Add(i);
        }
        foreach (var template in templatesChanged)
        {
            var relative = Path.GetRelativePath(_templates.FullName, template).Replace('\\', '/');
            if (relative.StartsWith($"{SiteTemplates.Folder}/{SiteTemplates.StaticFolder}/", StringComparison.Ordinal))
                render.Statics = true;
            else if (relative.StartsWith($"{SiteTemplates.Folder}/layouts/article.", StringComparison.Ordinal))
                render.Articles.UnionWith(Enumerable.Range(0, articles.Count));
            else if (relative.StartsWith($"{SiteTemplates.Folder}/layouts/", StringComparison.Ordinal))
                render.Others = true;
            else if (relative.StartsWith($"{SiteTemplates.Folder}/", StringComparison.Ordinal))
            {
                render.Others = true;
                render.Articles.UnionWith(Enumerable.Range(0, articles.Count));
            }
            else return false; // the form layouts and Word styles: every download
        }
        // The files an editor changes beside the articles (images): copied over those the site already has.
        var assets = sources.Where(p => !p.EndsWith(".md", StringComparison.Ordinal) && !p.EndsWith(".yml", StringComparison.Ordinal))
            .Where(p => File.Exists(Path.Combine(Output, p)) && File.Exists(Path.Combine(_source.FullName, p)));
        foreach (var asset in assets) SitePage.Copy(Path.Combine(_source.FullName, asset), Path.Combine(Output, asset));
        var statics = Path.Combine(_templates.FullName, SiteTemplates.Folder, SiteTemplates.StaticFolder);
        // Stale before the pages show the change: a zip asked for after them has it too.
        if (render.Search.Count > 0 || render.Others) lock (_validatorGate) _validatorStale = book;
        new SitePage(book, layouts.Site, statics, _year, Output, _search!).Render(render);
        _downloads.Refresh(book, layouts, _templates.FullName, _year, stale, forms);
        return true;
    }

    /// <summary>The same parts, articles (by path, in order) and forms (by path): pages and indexes keep their places.</summary>
    private static bool SameShape(Book old, Book book) =>
        old.Info.Title == book.Info.Title && old.Info.Organization == book.Info.Organization && old.Info.Edition == book.Info.Edition
        && old.Parts.Select(p => (p.Folder, p.Title, Paths: string.Join('\n', p.Articles.Select(a => a.Path))))
            .SequenceEqual(book.Parts.Select(p => (p.Folder, p.Title, Paths: string.Join('\n', p.Articles.Select(a => a.Path)))))
        && old.Forms.Select(f => f.Path).SequenceEqual(book.Forms.Select(f => f.Path));

    /// <summary>What other pages and downloads show of an article besides its title and text.</summary>
    private static bool SameFrontMatter(Article a, Article b) =>
        a.Id == b.Id && a.Order == b.Order && a.Owner == b.Owner && a.Revised == b.Revised
        && a.Forms.SequenceEqual(b.Forms) && a.Schedule.SequenceEqual(b.Schedule) && a.Scoring.SequenceEqual(b.Scoring);

    private static bool Under(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A writer's message as a diagnostic for the page, on no file: it names its own place when it has one.</summary>
    private Diagnostic Failure(Exception e)
    {
        var all = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];
        var first = all[0];
        return first is TemplateException t
            ? t.Diagnostic.Under(_templates.ToString())
            : new Diagnostic("", 0, 0, Severity.Error, "build-failed", first is BuildException ? first.Message : $"生成失败：{first.Message}");
    }

    /// <summary>
    /// Brings validator/handbook.bin (the forms and rules validate.html's browser validator reads) up to date, before it is
    /// served, rather than at every save.
    /// </summary>
    public void WriteValidatorHandbook()
    {
        lock (_validatorGate)
        {
            if (_validatorStale is not { } book) return;
            SitePage.Replace(Path.Combine(Output, ValidatorFiles.Folder, ValidatorFiles.HandbookData), path => ValidatorFiles.WriteHandbook(book, path));
            _validatorStale = null;
        }
    }

    /// <summary>Brings the stale downloads up to date, before one is served.</summary>
    public void WriteDownloads() => _downloads.Write();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
