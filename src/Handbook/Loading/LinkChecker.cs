using Handbook.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Loading;

/// <summary>
/// What the link check needs of an article's Markdown, taken while the file is read and parsed (the parsed tree is
/// not kept): the anchors of its headings and its local links and images.
/// </summary>
internal sealed record ArticleLinks(IReadOnlySet<string> Anchors, IReadOnlyList<ArticleLink> Links)
{
    public static ArticleLinks Of(MarkdownDocument document) => new(
        document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(),
        [.. document.Descendants<LinkInline>()
            .Where(link => !string.IsNullOrEmpty(link.Url) && !LinkResolver.IsExternal(link.Url))
            .Select(link => new ArticleLink(link.Url!, link.IsImage, link.Line, link.Column))]);
}

/// <param name="Line">0-based line in the body.</param>
/// <param name="Column">0-based column.</param>
internal sealed record ArticleLink(string Url, bool IsImage, int Line, int Column);

/// <summary>
/// Checks every relative link and image in the articles: the file must be an article of the handbook
/// (or, for images, a file under the handbook folder) and a #anchor must be a heading of that article.
/// </summary>
/// <param name="links">Each loaded article's links and anchors, by path.</param>
/// <param name="failedPaths">Article files that exist but did not load: links to them are not checked.</param>
internal sealed class LinkChecker(Book book, IReadOnlyDictionary<string, ArticleLinks> links, IReadOnlySet<string> failedPaths,
    List<Diagnostic> diagnostics)
{
    public void Check() =>
        diagnostics.AddRange(book.Articles.DistinctBy(a => a.Path).AsParallel().AsOrdered().SelectMany(Problems));

    private IEnumerable<Diagnostic> Problems(Article article)
    {
        foreach (var link in links[article.Path].Links)
        {
            var target = LinkResolver.Resolve(article.Path, link.Url);
            if (link.IsImage)
            {
                if (target is null || !File.Exists(Path.Combine(book.Root, target.Path)))
                    yield return Problem(article, link, "broken-link", $"图片“{link.Url}”指向的文件不存在");
                continue;
            }
            if (target is not null && failedPaths.Contains(target.Path)) continue;
            if (target is null || !links.TryGetValue(target.Path, out var other))
                yield return Problem(article, link, "broken-link", $"链接“{link.Url}”指向的文章不存在");
            else if (target.Anchor is { } anchor && !other.Anchors.Contains(anchor))
                yield return Problem(article, link, "broken-anchor", $"链接“{link.Url}”指向的标题“#{anchor}”在 {target.Path} 中不存在");
        }
    }

    private static Diagnostic Problem(Article article, ArticleLink link, string code, string message) =>
        new(article.Path, article.BodyLine + link.Line, link.Column + 1, Severity.Error, code, message);
}
