using System.Collections.Concurrent;
using System.Text;
using Handbook.Model;
using Handbook.Publisher.Build;
using Handbook.Publisher.Site;

namespace Handbook.Publisher.Serve;

/// <summary>
/// Renders some pages of the site again, with the site writer's own pieces (page models, templates, article renderer,
/// search index), over the folder being served. Each page is replaced at once (written beside it, then renamed over
/// it), so a browser never reads half a page.
/// </summary>
/// <param name="statics">The site's static files (templates/site/static).</param>
internal sealed class SitePage(Book book, SiteTemplates templates, string statics, int year, string output, SearchIndexWriter search)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public void Render(PageSet set)
    {
        var pages = new SitePages(book, year, new AvailableDownloads(output));
        var renderer = new ArticleRenderer(book);
        var articles = book.Parts.SelectMany(p => p.Articles.Select(a => (Part: p, Article: a))).ToList();
        var searched = new ConcurrentBag<(int Index, string Url, RenderedArticle Rendered)>();
        List<Action> jobs = [.. set.Articles.Select(i => (Action)(() =>
        {
            var (part, article) = articles[i];
            var rendered = renderer.Render(article);
            var url = SiteUrls.Article(part, article);
            Write(url, templates.Render("article", pages.Article(i, rendered)));
            foreach (var file in rendered.Files) Copy(Path.Combine(book.Root, file), Path.Combine(output, file));
            if (set.Search.Contains(i)) searched.Add((i, url, rendered));
        }))];
        if (set.Others)
            jobs.AddRange(SiteOutput.OtherPages(book, pages).Select(page => (Action)(() => Write(page.Url, templates.Render(page.Layout, page.Model())))));
        Parallel.Invoke([.. jobs]);
        foreach (var (i, url, rendered) in searched)
            search.Update(i, articles[i].Article.Title, url, articles[i].Part.Title, rendered.Sections);
        if (set.Statics)
        {
            foreach (var file in Directory.EnumerateFiles(statics, "*", SearchOption.AllDirectories))
                Copy(file, Path.Combine(output, SiteUrls.StaticFolder, Path.GetRelativePath(statics, file)));
        }
        // A few bytes, written every time: the colour in handbook.yml may be what changed.
        Write(ThemeStyle.Url, ThemeStyle.Css(book));
    }

    private void Write(string url, string html) => Replace(Path.Combine(output, url), path => File.WriteAllText(path, html, Utf8));

    /// <summary>Copies a file over the served one, at once.</summary>
    public static void Copy(string from, string to) => Replace(to, path => File.Copy(from, path));

    /// <summary>Writes a file beside the served one, then renames it over it.</summary>
    public static void Replace(string target, Action<string> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Hidden (a leading dot): the server never serves it while it is being written.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
