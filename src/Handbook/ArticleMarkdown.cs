using Markdig;

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
}
