using Handbook.Model;

namespace Handbook.Publisher.Site;

/// <summary>
/// Where each page lives in the site, relative to its root. Every link in the site is relative, so the
/// folder works both from a web server and opened from disk (no directory URLs, no leading '/').
/// </summary>
internal static class SiteUrls
{
    public const string Home = "index.html";
    public const string Forms = "forms.html";
    public const string Reminders = "reminders.html";
    public const string Scoring = "scoring.html";
    public const string Search = "search.html";
    public const string NotFound = "404.html";
    public const string Validate = "validate.html";
    public const string SearchIndex = "search-index.js";
    public const string StaticFolder = "static";

    public static string Part(Part part) => $"{part.Folder}/index.html";

    public static string Article(Part part, Article article) => $"{part.Folder}/{article.Id}.html";

    public static string Form(Form form) => $"{Forms}#{form.Id}";

    /// <summary>The prefix that leads from a page back to the site root: "" or "../" repeated.</summary>
    public static string RootFrom(string page) => string.Concat(Enumerable.Repeat("../", page.Count(c => c == '/')));
}
