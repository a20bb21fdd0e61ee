using System.Collections.Concurrent;
using Handbook.Model;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// The static website: home, part, article, forms, reminders, scoring, search and 404 pages from the
/// templates in templates/site, the search index, and the static files. Runs last, so it can
/// link the downloads the other outputs wrote; then checks every link of every page.
/// </summary>
internal sealed class SiteOutput : IOutput
{
    public string Name => "site";

    public void Write(Book book, BuildContext context) => Write(book, context, updatable: false);

    /// <param name="updatable">Keep the search index's text, for `serve` to update it article by article.</param>
    /// <returns>The search index, written.</returns>
    public static SearchIndexWriter Write(Book book, BuildContext context, bool updatable)
    {
        var templates = context.Layouts.Site;
        var pages = new SitePages(book, context.Year, new AvailableDownloads(context.Output));
        var links = new SiteLinkChecker();
        foreach (var part in book.Parts) Directory.CreateDirectory(Path.Combine(context.Output, part.Folder));
        void WritePage(string url, string layout, Dictionary<string, object?> model)
        {
            var html = templates.Render(layout, model);
            OutputFile.Write(Path.Combine(context.Output, url), html);
            links.Add(url, html);
        }

        var articles = book.Parts.SelectMany(p => p.Articles.Select(a => (Part: p, Article: a))).ToList();
        var search = new SearchIndexWriter(context.Output, [.. articles.Select(a => a.Article.Body.Length)], updatable);
        var files = new ConcurrentBag<string>();
        var renderer = new ArticleRenderer(book);
        // The other pages go first in the same parallel loop: the big ones (reminders, scoring) are then written while
        // the articles are, not after them on one core.
        var others = OtherPages(book, pages);
        // The browser validator and the zipped sources depend on nothing the pages make: written beside them, not after.
        var validator = Task.Run(() => ValidatorFiles.Write(book, context.Output));
        Parallel.For(0, others.Count + articles.Count, i =>
        {
            if (i < others.Count)
            {
                WritePage(others[i].Url, others[i].Layout, others[i].Model());
                return;
            }
            var index = i - others.Count;
            var (part, article) = articles[index];
            var rendered = renderer.Render(article);
            var url = SiteUrls.Article(part, article);
            WritePage(url, "article", pages.Article(index, rendered));
            search.Add(index, article.Title, url, part.Title, rendered.Sections);
            foreach (var file in rendered.Files) files.Add(file);
        });
        search.Write();

        var statics = Path.Combine(context.Templates, SiteTemplates.Folder, SiteTemplates.StaticFolder);
        if (!Directory.Exists(statics)) throw new BuildException($"错误：找不到网站静态文件夹“{statics}”。");
        OutputFile.CopyFolder(statics, Path.Combine(context.Output, SiteUrls.StaticFolder));
        OutputFile.Write(Path.Combine(context.Output, ThemeStyle.Url), ThemeStyle.Css(book));
        foreach (var file in files.Distinct()) OutputFile.CopyFile(Path.Combine(book.Root, file), Path.Combine(context.Output, file));
        validator.GetAwaiter().GetResult();
        links.Check(context.Output);
        return search;
    }

    /// <summary>Every page but the articles: where it goes, its layout and its model.</summary>
    public static List<(string Url, string Layout, Func<Dictionary<string, object?>> Model)> OtherPages(Book book, SitePages pages) =>
    [
        (SiteUrls.Home, "home", pages.Home),
        .. book.Parts.Select(part => (SiteUrls.Part(part), "part", (Func<Dictionary<string, object?>>)(() => pages.Part(part)))),
        (SiteUrls.Forms, "forms", pages.Forms),
        (SiteUrls.Reminders, "reminders", pages.RemindersPage),
        (SiteUrls.Scoring, "scoring", pages.Scoring),
        (SiteUrls.Validate, "validate", pages.Validate),
        (SiteUrls.Search, "search", pages.Search),
        (SiteUrls.NotFound, "404", pages.NotFound),
    ];
}
