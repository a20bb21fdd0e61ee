using Handbook.Model;
using Handbook.Office.Templates;

namespace Handbook.Publisher.Site;

/// <summary>
/// The site's templates: templates/site/layouts/&lt;page&gt;.sbn-html (one per kind of page) renders a page's body,
/// which templates/site/partials/page.sbn-html then wraps (as Body); partials/*.sbn-html are shared pieces
/// (`include "partials/downloads"`). Parsed once; rendering is thread-safe, so pages render in parallel.
/// </summary>
internal sealed class SiteTemplates
{
    public const string Folder = "site";
    public const string StaticFolder = "static";
    private const string Page = "partials/page";

    private readonly TemplateSet _templates;

    private SiteTemplates(TemplateSet templates) => _templates = templates;

    /// <param name="templates">The templates folder (with site/).</param>
    public static SiteTemplates Load(string templates) => new(TemplateSet.Load(templates, Folder));

    /// <exception cref="TemplateException">The layout or the page wrapper is missing or fails.</exception>
    public string Render(string layout, Dictionary<string, object?> model)
    {
        model["Body"] = new TrustedHtml(_templates.Render("layouts/" + layout, model));
        return _templates.Render(Page, model);
    }

    /// <summary>
    /// Every template's syntax, and each kind of page rendered once against the handbook (every download counted as
    /// there, so the links to them render too): what is wrong in the templates, paths relative to the templates folder.
    /// </summary>
    public List<Diagnostic> Check(Book book, int year)
    {
        var diagnostics = _templates.Diagnostics.ToList();
        var pages = new SitePages(book, year, AvailableDownloads.All);
        var renderer = new ArticleRenderer(book);
        var articles = book.Parts.SelectMany(p => p.Articles).ToList();
        // The second article has a previous one and, most often, a next one: both links render.
        var article = Math.Min(1, articles.Count - 1);
        (string Layout, Func<Dictionary<string, object?>> Model)[] kinds =
        [
            ("home", pages.Home),
            .. book.Parts.Take(1).Select(part => ("part", (Func<Dictionary<string, object?>>)(() => pages.Part(part)))),
            .. articles.Skip(article).Take(1).Select(a => ("article", (Func<Dictionary<string, object?>>)(() => pages.Article(article, renderer.Render(a))))),
            ("forms", pages.Forms),
            ("reminders", pages.RemindersPage),
            ("scoring", pages.Scoring),
            ("validate", pages.Validate),
            ("search", pages.Search),
            ("404", pages.NotFound),
        ];
        foreach (var (layout, model) in kinds)
        {
            try
            {
                Render(layout, model());
            }
            catch (TemplateException e)
            {
                diagnostics.Add(e.Diagnostic);
            }
        }
        return [.. diagnostics.Distinct()];
    }
}
