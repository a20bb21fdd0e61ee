using System.Collections.Concurrent;
using Handbook.Model;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// The static website: home, part, article, forms, reminders, scoring, search and 404 pages from the
/// Handlebars templates in templates/site, the search index, and the static files. Runs last, so it can
/// link the downloads the other outputs wrote; then checks every link of every page.
/// </summary>
internal sealed class SiteOutput : IOutput
{
    public string Name => "site";

    public void Write(Book book, BuildContext context)
    {
        var folder = Path.Combine(context.Templates, "site");
        var templates = SiteTemplates.Load(folder);
        var pages = new SitePages(book, context.Year, new AvailableDownloads(context.Output));
        var links = new SiteLinkChecker();
        foreach (var part in book.Parts) Directory.CreateDirectory(Path.Combine(context.Output, part.Folder));
        void WritePage(string url, string layout, object model)
        {
            var html = templates.Render(layout, model);
            OutputFile.Write(Path.Combine(context.Output, url), html);
            links.Add(url, html);
        }

        var articles = book.Parts.SelectMany(p => p.Articles.Select(a => (Part: p, Article: a))).ToList();
        var search = new SearchIndexWriter(context.Output, [.. articles.Select(a => a.Article.Body.Length)]);
        var files = new ConcurrentBag<string>();
        var renderer = new ArticleRenderer(book);
        Parallel.For(0, articles.Count, i =>
        {
            var (part, article) = articles[i];
            var rendered = renderer.Render(article);
            var url = SiteUrls.Article(part, article);
            WritePage(url, "article", pages.Article(i, rendered));
            search.Add(i, article.Title, url, part.Title, rendered.Sections);
            foreach (var file in rendered.Files) files.Add(file);
        });

        // The term shards are merged and written while the other pages are.
        var index = Task.Run(search.Write);
        try
        {
            WritePage(SiteUrls.Home, "home", pages.Home());
            foreach (var part in book.Parts) WritePage(SiteUrls.Part(part), "part", pages.Part(part));
            WritePage(SiteUrls.Forms, "forms", pages.Forms());
            WritePage(SiteUrls.Reminders, "reminders", pages.RemindersPage());
            WritePage(SiteUrls.Scoring, "scoring", pages.Scoring());
            WritePage(SiteUrls.Search, "search", pages.Search());
            WritePage(SiteUrls.NotFound, "404", pages.NotFound());
            var statics = Path.Combine(folder, SiteTemplates.StaticFolder);
            if (!Directory.Exists(statics)) throw new BuildException($"错误：找不到网站静态文件夹“{statics}”。");
            OutputFile.CopyFolder(statics, Path.Combine(context.Output, SiteUrls.StaticFolder));
            foreach (var file in files.Distinct()) OutputFile.CopyFile(Path.Combine(book.Root, file), Path.Combine(context.Output, file));
        }
        finally
        {
            Task.WaitAny(index); // never left writing into a staging folder that is being discarded
        }
        index.GetAwaiter().GetResult();

        links.Check(context.Output);
    }
}
