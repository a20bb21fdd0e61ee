using Handbook.Model;

namespace Handbook.Publisher.Site;

/// <summary>
/// The handbook's theme colour (handbook.yml vocabulary.theme) as static/theme.css: a file rather than an inline style,
/// so that a Content-Security-Policy allowing only the site's own files (serve's) applies it too.
/// </summary>
internal static class ThemeStyle
{
    public const string Url = SiteUrls.StaticFolder + "/theme.css";

    public static string Css(Book book) => $":root {{ --accent: {book.Info.Vocabulary.Theme}; }}\n";
}
