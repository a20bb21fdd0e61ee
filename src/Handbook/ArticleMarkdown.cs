using Handbook.Model;
using Markdig;
using Markdig.Syntax;

namespace Handbook;

/// <summary>
/// The one Markdown pipeline for articles. The loader checks anchors and the writers render with the
/// same pipeline, so a heading's anchor is the same everywhere (GitHub style, Chinese kept).
/// </summary>
public static class ArticleMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseGenericAttributes()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// An article's body to render: every writer heads the article with its title, so a body that opens with
    /// “# &lt;its title&gt;” loses that heading (it would show the title twice).
    /// </summary>
    public static MarkdownDocument Body(Article article)
    {
        var document = Markdown.Parse(article.Body, Pipeline);
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } first
            && string.Equals(first.Inline?.FirstChild?.ToString()?.Trim(), article.Title, StringComparison.Ordinal)
            && first.Inline?.FirstChild?.NextSibling is null)
            document.Remove(first);
        return document;
    }
}
