using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Model;
using Handbook.Records;
using Markdig;

namespace Handbook.Office.Word;

/// <summary>
/// The printable handbook: a cover (title, organization, edition), the table of contents, then every
/// part and article in order with its id, owner and forms; page numbers in the footer.
/// </summary>
public static class PrintedHandbook
{
    public static byte[] Create(Book book, string templatesDir) => Create(book, StyleSheet.Load(templatesDir));

    public static byte[] Create(Book book, StyleSheet sheet)
    {
        using var package = new WordPackage(sheet);
        var body = package.Body;

        body.Append(
            StyledParagraph("Title", book.Info.Title),
            StyledParagraph("Subtitle", book.Info.Organization),
            StyledParagraph("Subtitle", book.Info.Edition),
            new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Contents(package, book));

        foreach (var part in book.Parts)
        {
            var heading = StyledParagraph("Heading1", part.Heading);
            package.AddBookmark(heading, PartKey(part));
            body.Append(heading);
            foreach (var article in part.Articles)
                body.Append(Article(package, book, article));
        }
        package.UpdateFieldsOnOpen();
        package.SetTitle(book.Info.Title);
        package.SetCustomProperty(FormIdentity.EditionProperty, book.Info.Edition);
        return package.Finish(numberFirstPage: false);
    }

    private static IEnumerable<OpenXmlElement> Article(WordPackage package, Book book, Article article)
    {
        var converter = new HtmlConverter(package, new ConverterOptions(
            ImageDir: Path.GetDirectoryName(Path.Combine(book.Root, article.Path)),
            AnchorScope: article.Id,
            ResolveLink: href => LinkKey(book, article, href),
            HeadingOffset: 1));
        var heading = StyledParagraph("Heading2", ArticleTitle(article));
        package.AddBookmark(heading, $"{article.Id}#");
        yield return heading;
        yield return StyledParagraph("ArticleMeta", $"编号：{article.Id}　责任主体：{article.Owner}　修订日期：{article.Revised:yyyy年M月d日}");
        var forms = article.Forms.Select(book.FindForm).OfType<Form>().ToList();
        if (forms.Count > 0)
            yield return StyledParagraph("ArticleMeta",
                "使用表单：" + string.Join("；", forms.Select(f => $"{f.Id}《{f.Title}》（{f.Version}版）")));
        foreach (var block in converter.Convert(ArticleMarkdown.Body(article).ToHtml(ArticleMarkdown.Pipeline)))
            yield return block;
        if (article.Scoring.Length > 0)
            foreach (var block in converter.Convert(ScoringHtml(article)))
                yield return block;
    }

    /// <summary>The article's scoring items as the site shows them: item, points and deduction rule.</summary>
    private static string ScoringHtml(Article article)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder("<h2>评分标准</h2><table><colgroup><col width=\"44%\"><col width=\"10%\"><col width=\"46%\"></colgroup>"
            + "<thead><tr><th>评分项目</th><th>分值</th><th>扣分标准</th></tr></thead><tbody>");
        foreach (var item in article.Scoring)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(item.Item)}</td><td><p align=\"center\">{item.Points:0.##}</p></td><td>{E(item.Deduct)}</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// The contents: one entry per part and article, each a link with a page reference field. Not a TOC
    /// field: LibreOffice shows a TOC field's saved text (every page "1") without updating it, while it
    /// lays out page references itself; Word updates them when it opens the document.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Contents(WordPackage package, Book book)
    {
        yield return StyledParagraph("TOCHeading", "目　录");
        var entries = book.Parts.SelectMany(part =>
            new[] { (Style: "TOC1", Text: part.Heading, Key: PartKey(part)) }
                .Concat(part.Articles.Select(a => (Style: "TOC2", Text: ArticleTitle(a), Key: $"{a.Id}#")))).ToList();
        var tab = package.TextWidthTwips;
        foreach (var (style, text, key) in entries)
        {
            var bookmark = package.Bookmark(key);
            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = style },
                new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = tab })));
            paragraph.Append(new Hyperlink(
                new Run(new Text(text)),
                new Run(new TabChar()),
                FieldChar(FieldCharValues.Begin),
                Instruction($" PAGEREF {bookmark} \\h "),
                FieldChar(FieldCharValues.Separate),
                new Run(new Text("1")),
                FieldChar(FieldCharValues.End)) { Anchor = bookmark, History = true });
            yield return paragraph;
        }
    }

    /// <summary>The bookmark key a relative link of an article points to: an article, or a heading in one.</summary>
    private static string? LinkKey(Book book, Article from, string href) =>
        LinkResolver.Resolve(from.Path, href) is { } link && book.Articles.FirstOrDefault(a => a.Path == link.Path) is { } target
            ? $"{target.Id}#{link.Anchor}" : null;

    private static string PartKey(Part part) => $"part:{part.Number}";

    private static string ArticleTitle(Article article) => $"{article.Id}　{article.Title}";

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Run FieldChar(FieldCharValues type) => new(new FieldChar { FieldCharType = type });

    private static Run Instruction(string code) => new(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve });
}
