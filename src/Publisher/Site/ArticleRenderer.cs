using System.Diagnostics.CodeAnalysis;
using System.Text;
using Handbook.Model;
using Markdig;
using Markdig.Extensions.Tables;
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
    /// <summary>Tables scroll sideways on a phone instead of widening the page (and can be scrolled by keyboard).</summary>
    private sealed class ScrollingTableRenderer : HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"table-scroll\" tabindex=\"0\">");
            base.Write(renderer, table);
            renderer.WriteLine("</div>");
        }
    }

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
        var html = new StringWriter(new StringBuilder(article.Body.Length * 5 / 4)); // about as long as the Markdown
        // Links to articles' .md files are rewritten to their pages as they are written.
        var renderer = new HtmlRenderer(html) { LinkRewriter = url => PageLink(article.Path, page, url) };
        ArticleMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer());
        var document = ArticleMarkdown.Body(article);
        renderer.Render(document);

        // One walk over the blocks gives the table of contents, the search sections and the linked files.
        var (headings, sections, files) = (new List<Heading>(), new List<Section>(), new List<string>());
        var (anchor, heading, text) = ((string?)null, article.Title, new StringBuilder());
        // A table's rows, each its own passage after its section's text: run into the text, cells read as word salad.
        var rows = new List<Section>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Parent is TableCell { Parent: TableRow { Parent: Table table } row } cell)
            {
                if (ReferenceEquals(row, table[0]) && ReferenceEquals(cell, row[0]) && ReferenceEquals(block, cell[0]))
                    rows.AddRange(TableRows(table, article.Path, files).Select(r => new Section(anchor, heading, r)));
                continue;
            }
            if (block is not HeadingBlock h)
            {
                AppendText(text, block, article.Path, files);
                text.Append(' ');
                continue;
            }
            sections.Add(new Section(anchor, heading, text.ToString().Trim()));
            sections.AddRange(rows);
            rows.Clear();
            var title = new StringBuilder();
            AppendText(title, h, article.Path, files);
            (anchor, heading, text) = (h.GetAttributes().Id, title.ToString(), new StringBuilder());
            if (h.Level is 2 or 3 && anchor is not null) headings.Add(new Heading(h.Level, anchor, heading));
        }
        sections.Add(new Section(anchor, heading, text.ToString().Trim()));
        sections.AddRange(rows);
        return new RenderedArticle(html.ToString(), headings, sections, files);
    }

    /// <summary>Each body row as "column header：cell；…" (the cells alone when the table has no header row).</summary>
    private IEnumerable<string> TableRows(Table table, string from, List<string> files)
    {
        string Cell(Block cell)
        {
            var text = new StringBuilder();
            foreach (var leaf in ((TableCell)cell).Descendants<LeafBlock>()) AppendText(text.Append(' '), leaf, from, files);
            return text.ToString().Trim();
        }
        var header = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader)?.Select(Cell).ToList() ?? [];
        foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
        {
            var cells = row.Select((cell, i) => (Header: i < header.Count ? header[i] : "", Text: Cell(cell))).Where(c => c.Text.Length > 0);
            yield return string.Join("；", cells.Select(c => c.Header.Length > 0 ? $"{c.Header}：{c.Text}" : c.Text));
        }
    }

    /// <summary>A link to another article's .md file as a link to its page, relative to this page; other URLs as written.</summary>
    private string PageLink(string from, string page, string url)
    {
        if (!IsLocal(url) || LinkResolver.Resolve(from, url) is not { } target) return url;
        return _pageByPath.TryGetValue(target.Path, out var targetPage) ? SiteUrls.RootFrom(page) + targetPage + target.Fragment : url;
    }

    private static bool IsLocal([NotNullWhen(true)] string? url) => !string.IsNullOrEmpty(url) && !LinkResolver.IsExternal(url) && !url.StartsWith('#');

    /// <summary>Appends a block's plain text; local links to files other than articles are added to files.</summary>
    private void AppendText(StringBuilder text, LeafBlock block, string from, List<string> files)
    {
        if (block.Inline is null)
            text.Append(block.Lines.ToString());
        else
            AppendText(text, block.Inline, from, files);
    }

    private void AppendText(StringBuilder text, ContainerInline container, string from, List<string> files)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline child:
                    if (child is LinkInline link && IsLocal(link.Url) && LinkResolver.Resolve(from, link.Url) is { } target && !_pageByPath.ContainsKey(target.Path))
                        files.Add(target.Path);
                    AppendText(text, child, from, files);
                    break;
            }
        }
    }
}
