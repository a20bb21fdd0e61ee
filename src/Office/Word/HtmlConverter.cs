using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Handbook.Office.Word;

/// <summary>What the converter needs besides the HTML.</summary>
/// <param name="ImageDir">The folder relative image sources (&lt;img src&gt;) are resolved against.</param>
/// <param name="Fields">Renders a &lt;field name="…"&gt; element as run-level content (content controls).</param>
/// <param name="AnchorScope">Prefix of the bookmark keys of this HTML's heading ids ("R03" gives "R03#标题").</param>
/// <param name="ResolveLink">The bookmark key a relative link points to, or null to keep it as plain text.</param>
/// <param name="HeadingOffset">Added to heading levels (an article's h2 becomes Heading3 in the printed book).</param>
public sealed record ConverterOptions(
    string? ImageDir = null,
    Func<IElement, IEnumerable<OpenXmlElement>>? Fields = null,
    string AnchorScope = "",
    Func<string, string?>? ResolveLink = null,
    int HeadingOffset = 0);

/// <summary>
/// The one converter from the HTML subset (what Markdig emits, plus &lt;field&gt;, table spans and column
/// widths, page breaks) to WordprocessingML blocks, for chapters and forms alike.
/// </summary>
public sealed partial class HtmlConverter(WordPackage package, ConverterOptions options)
{
    // One parser per converter: AngleSharp's parser is not safe to share between threads (documents are converted in parallel).
    private readonly HtmlParser parser = new();
    private static readonly char[] HtmlSpace = [' ', '\t', '\n', '\r', '\f'];
    private readonly TableConverter tables = new(package);

    /// <summary>The next paragraph follows a table: it gets space above, so its text does not touch the table's border.</summary>
    private bool afterTable;

    /// <summary>The paragraphs and tables of the HTML, in order.</summary>
    public List<OpenXmlElement> Convert(string html)
    {
        var document = parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var blocks = new List<OpenXmlElement>();
        Blocks(document.Body!, new Context(null, 0, null), blocks);
        return blocks;
    }

    /// <summary>How paragraphs made at this point look: their style, list membership and level.</summary>
    private sealed record Context(string? Style, int ListLevel, int? Numbering);

    private void Blocks(INode parent, Context context, List<OpenXmlElement> output)
    {
        var inline = new List<INode>();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                if (Flush(inline, context, output)) context = context with { Numbering = null };
                Block(element, context, output);
                context = context with { Numbering = null }; // only the first paragraph of a list item is numbered
            }
            else inline.Add(node);
        }
        Flush(inline, context, output);
    }

    private static bool IsBlock(IElement element) => element.LocalName switch
    {
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "blockquote" or "table" or "hr" or "div"
            or "section" or "article" or "header" or "footer" or "main" or "pre" => true,
        _ => false,
    };

    private void Block(IElement element, Context context, List<OpenXmlElement> output)
    {
        switch (element.LocalName)
        {
            case "p":
                output.Add(Paragraph(element.ChildNodes, context with { Style = ClassStyle(element) ?? context.Style }, element));
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                output.Add(Heading(element));
                break;
            case "ul" or "ol":
                List(element, context, output);
                break;
            case "blockquote":
                Blocks(element, context with { Style = "Quote" }, output);
                break;
            case "table":
                output.Add(tables.Convert(element, CellBlocks));
                afterTable = true;
                break;
            case "hr":
                output.Add(element.ClassList.Contains("page-break") ? PageBreak() : Rule());
                break;
            case "pre":
                output.Add(Paragraph([], context, element, Preformatted(element.TextContent)));
                break;
            default:
                if (element.ClassList.Contains("page-break")) output.Add(PageBreak());
                else Blocks(element, context with { Style = ClassStyle(element) ?? context.Style }, output);
                break;
        }
    }

    private List<OpenXmlElement> CellBlocks(IElement cell, bool small)
    {
        var blocks = new List<OpenXmlElement>();
        var style = ClassStyle(cell) ?? (cell.LocalName == "th" ? "TableHeader" : "TableText") + (small ? "Small" : "");
        Blocks(cell, new Context(style, 0, null), blocks);
        return blocks;
    }

    /// <summary>Makes a paragraph of the pending inline nodes unless they are only white space.</summary>
    private bool Flush(List<INode> inline, Context context, List<OpenXmlElement> output)
    {
        var blank = inline.All(n => n is IText t && string.IsNullOrWhiteSpace(t.Data));
        if (!blank) output.Add(Paragraph(inline, context, null));
        inline.Clear();
        return !blank;
    }

    private Paragraph Heading(IElement element)
    {
        afterTable = false; // a heading's style has more space above than the 6 pt after a table
        var level = Math.Clamp(element.LocalName[1] - '0' + options.HeadingOffset, 1, 4);
        var style = ClassStyle(element) ?? $"Heading{level}";
        var paragraph = Paragraph(element.ChildNodes, new Context(style, 0, null), element);
        if (element.Id is { Length: > 0 } id) package.AddBookmark(paragraph, $"{options.AnchorScope}#{id}");
        return paragraph;
    }

    private void List(IElement list, Context context, List<OpenXmlElement> output)
    {
        var ordered = list.LocalName == "ol";
        var start = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
        var numbering = package.ListNumbering(ordered, start);
        var level = context.Numbering is null && context.Style != "ListParagraph" ? 0 : context.ListLevel + 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            Blocks(item, new Context("ListParagraph", level, numbering), output);
    }

    private Paragraph Paragraph(IEnumerable<INode> nodes, Context context, IElement? element, IEnumerable<OpenXmlElement>? content = null)
    {
        var properties = new ParagraphProperties();
        if (context.Style is { } style && style != "Normal") properties.Append(new ParagraphStyleId { Val = style });
        if (context.Numbering is { } numbering)
            properties.Append(new NumberingProperties(
                new NumberingLevelReference { Val = context.ListLevel }, new NumberingId { Val = numbering }));
        if (afterTable) properties.Append(new SpacingBetweenLines { Before = "120" });
        afterTable = false;
        if (context.Numbering is null && context.Style == "ListParagraph")
            properties.Append(new Indentation { Left = WordPackage.Invariant(420 * (context.ListLevel + 2)) });
        if (element is not null && Alignment(element) is { } alignment) properties.Append(new Justification { Val = alignment });
        var paragraph = new Paragraph();
        if (properties.HasChildren) paragraph.Append(properties);
        var runs = content?.ToList() ?? Inline(nodes);
        paragraph.Append(runs);
        return paragraph;
    }

    private static JustificationValues? Alignment(IElement element)
    {
        var align = element.GetAttribute("align") ?? TextAlign().Match(element.GetAttribute("style") ?? "") switch
        {
            { Success: true } m => m.Groups[1].Value,
            _ => null,
        };
        return align switch
        {
            "left" => JustificationValues.Left,
            "center" => JustificationValues.Center,
            "right" => JustificationValues.Right,
            "justify" => JustificationValues.Both,
            _ => null,
        };
    }

    /// <summary>A class naming a style of the style sheet applies that style (templates use it).</summary>
    private string? ClassStyle(IElement element) =>
        element.ClassList.FirstOrDefault(c => package.Sheet.Styles.ContainsKey(c));

    private List<OpenXmlElement> Inline(IEnumerable<INode> nodes)
    {
        var runs = new List<OpenXmlElement>();
        foreach (var node in nodes) Inline(node, new RunFormat(), runs);
        TrimEdges(runs);
        return runs;
    }

    private void Inline(INode node, RunFormat format, List<OpenXmlElement> output)
    {
        if (node is IText text)
        {
            var collapsed = Collapse(text.Data);
            if (collapsed.Length > 0) output.Add(format.Run(new Text(collapsed) { Space = SpaceProcessingModeValues.Preserve }));
            return;
        }
        if (node is not IElement element) return;
        switch (element.LocalName)
        {
            case "strong" or "b": Children(element, format with { Bold = true }, output); break;
            case "em" or "i": Children(element, format with { Italic = true }, output); break;
            case "del" or "s": Children(element, format with { Strike = true }, output); break;
            case "u" or "ins": Children(element, format with { Underline = true }, output); break;
            case "sup": Children(element, format with { Position = VerticalPositionValues.Superscript }, output); break;
            case "sub": Children(element, format with { Position = VerticalPositionValues.Subscript }, output); break;
            case "code": Children(element, format with { Code = true }, output); break;
            case "br": output.Add(format.Run(new Break())); break;
            case "a": Link(element, format, output); break;
            case "img": output.Add(Images.Run(package, options.ImageDir, element)); break;
            case "input" when element.GetAttribute("type") == "checkbox":
                output.Add(format.Run(new Text(element.HasAttribute("checked") ? "☑ " : "☐ ") { Space = SpaceProcessingModeValues.Preserve }));
                break;
            case "field":
                if (options.Fields is null)
                    throw new InvalidDataException($"此处不能使用 <field name=\"{element.GetAttribute("name")}\">：只有表单模板中可以有字段。");
                output.AddRange(options.Fields(element));
                Children(element, format, output); // content of a <field/> written as if self-closing
                break;
            default: Children(element, format, output); break;
        }
    }

    private void Children(IElement element, RunFormat format, List<OpenXmlElement> output)
    {
        foreach (var child in element.ChildNodes) Inline(child, format, output);
    }

    private void Link(IElement element, RunFormat format, List<OpenXmlElement> output)
    {
        var href = element.GetAttribute("href") ?? "";
        if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto")
        {
            var runs = new List<OpenXmlElement>();
            Children(element, format with { Style = "Hyperlink" }, runs);
            var relationship = package.Main.AddHyperlinkRelationship(uri, true);
            output.Add(new Hyperlink(runs) { Id = relationship.Id, History = true });
            return;
        }
        var key = href.StartsWith('#') ? $"{options.AnchorScope}{href}" : options.ResolveLink?.Invoke(href);
        Children(element, format, output);
        if (key is not null) output.AddRange(PageReference(key, element.TextContent.Trim(), format));
    }

    /// <summary>
    /// What a link inside the document prints as after its text: “（R07，第12页）”, the target's id (the scope of its
    /// bookmark key) unless the text already is it or it is this chapter, and its page as a PAGEREF field.
    /// </summary>
    private IEnumerable<OpenXmlElement> PageReference(string key, string text, RunFormat format)
    {
        var scope = key[..Math.Max(0, key.IndexOf('#', StringComparison.Ordinal))];
        var label = scope.Length == 0 || scope == options.AnchorScope || text == scope ? "" : $"{scope}，";
        yield return format.Run(new Text($"（{label}第"));
        yield return format.Run(new FieldChar { FieldCharType = FieldCharValues.Begin });
        yield return format.Run(new FieldCode($" PAGEREF {package.Bookmark(key)} ") { Space = SpaceProcessingModeValues.Preserve });
        yield return format.Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
        yield return format.Run(new Text("1"));
        yield return format.Run(new FieldChar { FieldCharType = FieldCharValues.End });
        yield return format.Run(new Text("页）"));
    }

    private static IEnumerable<OpenXmlElement> Preformatted(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) yield return new Run(new Break());
            yield return new RunFormat { Code = true }.Run(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Paragraph Rule() => new(new ParagraphProperties(new ParagraphBorders(
        new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "auto" })));

    /// <summary>HTML white space: runs collapse to one space, and a line break between Chinese characters disappears.</summary>
    private static string Collapse(string text) => WhiteSpace().Replace(text, m =>
        m.Value.Contains('\n', StringComparison.Ordinal) && IsCjk(text, m.Index - 1) && IsCjk(text, m.Index + m.Length) ? "" : " ");

    private static bool IsCjk(string text, int index) =>
        index >= 0 && index < text.Length && (text[index] >= 0x2E80 && text[index] <= 0x9FFF || text[index] >= 0xFF00 && text[index] <= 0xFFEF);

    /// <summary>Drops the white space at the start and end of a paragraph.</summary>
    private static void TrimEdges(List<OpenXmlElement> runs)
    {
        var texts = runs.SelectMany(r => r.Descendants<Text>()).ToList();
        if (texts.Count == 0) return;
        texts[0].Text = texts[0].Text.TrimStart(HtmlSpace);
        texts[^1].Text = texts[^1].Text.TrimEnd(HtmlSpace);
    }

    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"text-align:\s*(\w+)")]
    private static partial Regex TextAlign();
}

/// <summary>The character formatting in effect at a point of the HTML.</summary>
internal sealed record RunFormat
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Strike { get; init; }
    public bool Underline { get; init; }
    public bool Code { get; init; }
    public VerticalPositionValues? Position { get; init; }
    public string? Style { get; init; }

    public Run Run(OpenXmlElement content)
    {
        var properties = new RunProperties();
        if (Style is not null) properties.Append(new RunStyle { Val = Style });
        if (Code) properties.Append(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
        if (Bold) properties.Append(new Bold(), new BoldComplexScript());
        if (Italic) properties.Append(new Italic());
        if (Strike) properties.Append(new Strike());
        if (Underline) properties.Append(new Underline { Val = UnderlineValues.Single });
        if (Position is { } position) properties.Append(new VerticalTextAlignment { Val = position });
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(content);
        return run;
    }
}
