using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Handbook.Office.Word;

/// <summary>
/// A Word document under construction: the package with its styles, numbering and settings, the body to
/// append to, and the ids that must be unique within the document.
/// </summary>
public sealed class WordPackage : IDisposable
{
    private const int BulletList = 1;
    private const int NumberedList = 2;
    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly Dictionary<string, string> bookmarks = [];
    private int nextId = 1;
    private int nextNumbering = 1;
    private int? bulletNumbering;

    /// <param name="page">The document's page when it is not the sheet's (a wide form turned to landscape).</param>
    public WordPackage(StyleSheet sheet, PageSetup? page = null)
    {
        Sheet = sheet;
        Page = page ?? sheet.Page;
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        // Deflate's fast level: a few percent larger files, saving a package takes markedly less CPU.
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        Main = document.AddMainDocumentPart();
        Main.Document = new Document(new Body());
        // Checkbox controls are Word 2010 (w14) elements; older readers are told they may ignore them.
        Main.Document.AddNamespaceDeclaration("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
        Main.Document.AddNamespaceDeclaration("w14", "http://schemas.microsoft.com/office/word/2010/wordml");
        Main.Document.MCAttributes = new MarkupCompatibilityAttributes { Ignorable = "w14" };
        Write(Main.AddNewPart<StyleDefinitionsPart>(), sheet.StylesPart);
        Write(Main.AddNewPart<FontTablePart>(), sheet.FontTablePart);
        Main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            ListDefinitions.Bullets(BulletList), ListDefinitions.Numbers(NumberedList));
        Main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 420 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
    }

    public StyleSheet Sheet { get; }

    /// <summary>The page of the document's one section.</summary>
    public PageSetup Page { get; }

    /// <summary>Width of the text area between the margins, in twentieths of a point.</summary>
    public int TextWidthTwips => Units.MmToTwips(Page.TextWidth);

    public MainDocumentPart Main { get; }
    public Body Body => Main.Document.Body!;

    /// <summary>A fresh id for content controls, drawings and bookmarks.</summary>
    public int NextId() => nextId++;

    /// <summary>The numbering to use for a list: one shared bullet list, a new numbering for each ordered list.</summary>
    public int ListNumbering(bool ordered, int start)
    {
        if (!ordered && bulletNumbering is { } bullets) return bullets;
        var id = nextNumbering++;
        var instance = new NumberingInstance(new AbstractNumId { Val = ordered ? NumberedList : BulletList }) { NumberID = id };
        if (ordered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 });
        Main.NumberingDefinitionsPart!.Numbering.Append(instance);
        if (!ordered) bulletNumbering = id;
        return id;
    }

    /// <summary>The bookmark name for an anchor key (Word limits names, so keys map to short generated names).</summary>
    public string Bookmark(string key)
    {
        if (!bookmarks.TryGetValue(key, out var name))
            bookmarks[key] = name = $"_H{bookmarks.Count + 1}";
        return name;
    }

    /// <summary>Wraps a paragraph's content in a bookmark so links and the contents can point at it.</summary>
    public void AddBookmark(Paragraph paragraph, string key)
    {
        var id = NextId().ToString(CultureInfo.InvariantCulture);
        var start = new BookmarkStart { Name = Bookmark(key), Id = id };
        if (paragraph.ParagraphProperties is { } properties) properties.InsertAfterSelf(start);
        else paragraph.PrependChild(start);
        paragraph.Append(new BookmarkEnd { Id = id });
    }

    /// <summary>Asks Word to update the fields (contents, page references) when it opens the document.</summary>
    public void UpdateFieldsOnOpen()
    {
        var settings = Main.DocumentSettingsPart!.Settings;
        settings.InsertBefore(new UpdateFieldsOnOpen { Val = true }, settings.GetFirstChild<Compatibility>());
    }

    /// <summary>The title in docProps/core.xml (not through PackageProperties, which names the part at random).</summary>
    public void SetTitle(string title)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var part = document.CoreFilePropertiesPart ?? document.AddCoreFilePropertiesPart();
        using var output = part.GetStream(FileMode.Create);
        new XDocument(new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XElement(dc + "title", title))).Save(output);
    }

    public void SetCustomProperty(string name, string value)
    {
        var part = document.CustomFilePropertiesPart ?? document.AddCustomFilePropertiesPart();
        part.Properties ??= new Properties();
        var id = part.Properties.Elements<CustomDocumentProperty>().Count() + 2; // pid 2 is the first free one
        part.Properties.Append(new CustomDocumentProperty(new VTLPWSTR(value))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = id, Name = name,
        });
    }

    /// <summary>Ends the document with its one section: page size, margins and a footer with the page number.</summary>
    /// <param name="numberFirstPage">False for a cover page that shows no number.</param>
    public byte[] Finish(bool numberFirstPage = true)
    {
        var page = Page;
        var footerPart = Main.AddNewPart<FooterPart>();
        footerPart.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = Main.GetIdOfPart(footerPart) });
        if (!numberFirstPage)
        {
            var empty = Main.AddNewPart<FooterPart>();
            empty.Footer = new Footer(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" })));
            section.Append(new FooterReference { Type = HeaderFooterValues.First, Id = Main.GetIdOfPart(empty) });
        }
        section.Append(
            new PageSize
            {
                Width = (uint)Units.MmToTwips(page.Width), Height = (uint)Units.MmToTwips(page.Height),
                Orient = page.IsLandscape ? PageOrientationValues.Landscape : null,
            },
            new PageMargin
            {
                Top = Units.MmToTwips(page.MarginTop), Bottom = Units.MmToTwips(page.MarginBottom),
                Left = (uint)Units.MmToTwips(page.MarginLeft), Right = (uint)Units.MmToTwips(page.MarginRight),
                Header = (uint)Units.MmToTwips(page.Header), Footer = (uint)Units.MmToTwips(page.Footer), Gutter = 0,
            });
        if (!numberFirstPage) section.Append(new TitlePage());
        Body.Append(section);
        document.Dispose();
        return stream.ToArray();
    }

    private static void Write(OpenXmlPart part, byte[] xml)
    {
        using var output = part.GetStream(FileMode.Create);
        output.Write(xml);
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
