using Handbook.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Loading;

/// <summary>
/// Checks every relative link and image in the articles: the file must be an article of the handbook
/// (or, for images, a file under the handbook folder) and a #anchor must be a heading of that article.
/// </summary>
/// <param name="failedPaths">Article files that exist but did not load: links to them are not checked.</param>
internal sealed class LinkChecker(Book book, IReadOnlySet<string> failedPaths, List<Diagnostic> diagnostics)
{
    public void Check()
    {
        var articles = book.Articles.DistinctBy(a => a.Path).ToList();
        var anchors = articles.AsParallel().ToDictionary(a => a.Path, a => HeadingIds(a.Document));
        diagnostics.AddRange(articles.AsParallel().AsOrdered().SelectMany(article => Problems(article, anchors)));
    }

    private IEnumerable<Diagnostic> Problems(Article article, Dictionary<string, HashSet<string>> anchors)
    {
        foreach (var link in article.Document.Descendants<LinkInline>())
        {
            var url = link.Url;
            if (string.IsNullOrEmpty(url) || IsExternal(url)) continue;
            var (target, anchor) = Resolve(article.Path, url);
            if (link.IsImage)
            {
                if (!File.Exists(Path.Combine(book.Root, target)))
                    yield return Problem(article, link, "broken-link", $"图片“{url}”指向的文件不存在");
                continue;
            }
            if (failedPaths.Contains(target)) continue;
            if (!anchors.TryGetValue(target, out var ids))
                yield return Problem(article, link, "broken-link", $"链接“{url}”指向的文章不存在");
            else if (anchor is not null && !ids.Contains(anchor))
                yield return Problem(article, link, "broken-anchor", $"链接“{url}”指向的标题“#{anchor}”在 {target} 中不存在");
        }
    }

    /// <summary>The anchors of a document's headings, as the site renders them.</summary>
    public static HashSet<string> HeadingIds(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id)
            .OfType<string>()
            .ToHashSet();

    private static bool IsExternal(string url) =>
        url.Contains("://") || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//");

    /// <summary>The link's target path relative to the handbook root, and its anchor.</summary>
    private static (string Path, string? Anchor) Resolve(string from, string url)
    {
        var hash = url.IndexOf('#');
        var file = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        if (file.Length == 0) return (from, anchor);
        var directory = Path.GetDirectoryName(from) ?? "";
        var full = Path.GetFullPath(Path.Combine("/", directory, Uri.UnescapeDataString(file)));
        return (full.TrimStart('/').Replace('\\', '/'), anchor);
    }

    private static Diagnostic Problem(Article article, LinkInline link, string code, string message) =>
        new(article.Path, article.BodyLine + link.Line, link.Column + 1, Severity.Error, code, message);
}
