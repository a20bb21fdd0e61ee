using System.Diagnostics.CodeAnalysis;
using System.Text;
using Handbook.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Publisher.Site;

/// <summary>A heading of an article, for its table of contents.</summary>
internal sealed record Heading(int Level, string Id, string Text);

/// <summary>The plain text under one heading (or before the first), for the search index.</summary>
internal sealed record Section(string? Anchor, string Heading, string Text);

/// <param name="Files">Other files the article links to (images), relative to the handbook root.</param>
internal sealed record RenderedArticle(string Html, IReadOnlyList<Heading> Headings, IReadOnlyList<Section> Sections, IReadOnlyList<string> Files);

/// <summary>
/// Renders an article's Markdown to HTML with the shared pipeline. Links to other articles' .md files
/// become relative links to their pages; other local files keep their path (pages mirror the source
/// folders) and are listed so the site can copy them.
/// </summary>
internal sealed class ArticleRenderer
{
    private readonly Dictionary<string, string> _pageByPath;

    public ArticleRenderer(Book book)
    {
        _pageByPath = book.Parts
            .SelectMany(p => p.Articles.Select(a => (a.Path, Url: SiteUrls.Article(p, a))))
            .DistinctBy(x => x.Path)
            .ToDictionary(x => x.Path, x => x.Url);
    }

    public RenderedArticle Render(Article article)
    {
        var page = _pageByPath[article.Path];
        var files = article.Document.Descendants<LinkInline>()
            .Where(link => IsLocal(link.Url))
            .Select(link => Resolve(article.Path, link.Url!).Path)
            .Where(target => !_pageByPath.ContainsKey(target))
            .ToList();

        // The HTML is about as long as the Markdown: sized once, wrapped in place, copied out once.
        var html = new StringWriter(new StringBuilder(article.Body.Length * 5 / 4));
        // The document is shared with the other writers: links are rewritten as they are written, not in the tree.
        var renderer = new HtmlRenderer(html) { LinkRewriter = url => PageLink(article.Path, page, url) };
        ArticleMarkdown.Pipeline.Setup(renderer);
        renderer.Render(article.Document);
        var body = html.GetStringBuilder()
            .Replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\"><table>")
            .Replace("</table>", "</table></div>")
            .ToString();
        return new RenderedArticle(body, Headings(article.Document), Sections(article, article.Document), files);
    }

    /// <summary>A link to another article's .md file as a link to its page, relative to this page; other URLs as written.</summary>
    private string PageLink(string from, string page, string url)
    {
        if (!IsLocal(url)) return url;
        var (target, fragment) = Resolve(from, url);
        return _pageByPath.TryGetValue(target, out var targetPage) ? SiteUrls.RootFrom(page) + targetPage + fragment : url;
    }

    private static bool IsLocal([NotNullWhen(true)] string? url) => !string.IsNullOrEmpty(url) && !IsExternal(url) && !url.StartsWith('#');

    private static List<Heading> Headings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
            .Select(h => new Heading(h.Level, h.GetAttributes().Id!, PlainText(h)))];

    private static List<Section> Sections(Article article, MarkdownDocument document)
    {
        var sections = new List<Section>();
        var (anchor, heading, text) = ((string?)null, article.Title, new StringBuilder());
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock h)
            {
                sections.Add(new Section(anchor, heading, text.ToString().Trim()));
                (anchor, heading, text) = (h.GetAttributes().Id, PlainText(h), new StringBuilder());
                continue;
            }
            AppendText(text, block);
            text.Append(' ');
        }
        sections.Add(new Section(anchor, heading, text.ToString().Trim()));
        return sections;
    }

    private static string PlainText(LeafBlock block)
    {
        var text = new StringBuilder();
        AppendText(text, block);
        return text.ToString();
    }

    private static void AppendText(StringBuilder text, LeafBlock block)
    {
        if (block.Inline is null)
            text.Append(block.Lines.ToString());
        else
            AppendText(text, block.Inline);
    }

    private static void AppendText(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline child: AppendText(text, child); break;
            }
        }
    }

    private static bool IsExternal(string url) =>
        url.Contains("://") || url.StartsWith("//") || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The target's path relative to the handbook root, and the "#fragment" as written (or "").</summary>
    private static (string Path, string Fragment) Resolve(string from, string url)
    {
        var hash = url.IndexOf('#');
        var file = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[hash..];
        var directory = Path.GetDirectoryName(from) ?? "";
        var full = Path.GetFullPath(Path.Combine("/", directory, Uri.UnescapeDataString(file)));
        return (full.TrimStart('/').Replace('\\', '/'), fragment);
    }
}
