using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Office.Word;

namespace Handbook.Tests.Word;

public class PrintedHandbookTests
{
    private static readonly Lazy<byte[]> Document = new(() => PrintedHandbook.Create(TestRepository.Book, TestRepository.Templates));

    private static WordprocessingDocument Open() => WordprocessingDocument.Open(new MemoryStream(Document.Value), false);

    [Fact]
    public void Passes_the_Office_2013_validator()
    {
        using var document = Open();
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Cover_then_contents_then_every_part_and_article_in_order_with_its_forms()
    {
        var book = TestRepository.Book;
        using var document = Open();
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal([book.Info.Title, book.Info.Organization, book.Info.Edition], paragraphs.Take(3).Select(p => p.InnerText));

        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var headings = paragraphs.Where(p => Style(p) is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        var expected = book.Parts.SelectMany(part => new[] { part.Title }
            .Concat(part.Articles.Select(a => $"{a.Id}　{a.Title}"))).ToList();
        Assert.Equal(expected.Count, headings.Count);
        for (var i = 0; i < expected.Count; i++) Assert.EndsWith(expected[i], headings[i], StringComparison.Ordinal);

        var contents = paragraphs.Where(p => Style(p) is "TOC1" or "TOC2").ToList();
        Assert.Equal(expected.Count, contents.Count);
        var bookmarks = document.MainDocumentPart.Document.Body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        Assert.All(document.MainDocumentPart.Document.Body.Descendants<Hyperlink>().Where(h => h.Anchor is not null),
            link => Assert.Contains(link.Anchor!.Value, bookmarks));

        var meta = paragraphs.Where(p => Style(p) == "ArticleMeta").Select(p => p.InnerText).ToList();
        foreach (var article in book.Articles.Where(a => a.Forms.Length > 0))
            Assert.Contains(meta, m => article.Forms.All(f => m.Contains($"{f}《{book.FindForm(f)!.Title}》", StringComparison.Ordinal)));
    }

    /// <summary>The station's S01 opens with “# 设备巡检制度”, its own title: printed once, as the article's heading (issue 16 item 19).</summary>
    [Fact]
    public void A_body_that_opens_with_the_articles_title_prints_the_title_once()
    {
        var book = TestRepository.Load(Path.Combine(RepositoryPaths.Root, "tests/Handbook.Tests/Fixtures/station"));
        using var document = WordprocessingDocument.Open(new MemoryStream(PrintedHandbook.Create(book, TestRepository.Templates)), false);
        var texts = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Single(texts, t => t.EndsWith("设备巡检制度", StringComparison.Ordinal));
    }

    [Fact]
    public void The_footer_numbers_every_page_but_the_cover()
    {
        using var document = Open();
        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()
            ?? document.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var footer = section.Elements<FooterReference>().Single(f => f.Type!.Value == HeaderFooterValues.Default);
        var part = (FooterPart)document.MainDocumentPart.GetPartById(footer.Id!.Value!);
        Assert.Contains("PAGE", part.Footer!.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_article_with_scoring_items_prints_them_with_points_and_deduction_rules()
    {
        var book = TestRepository.Book;
        using var document = Open();
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().Where(t => t.InnerText.StartsWith("评分项目分值扣分标准", StringComparison.Ordinal)).ToList();
        var scored = book.Articles.Where(a => a.Scoring.Length > 0).ToList();
        Assert.Equal(scored.Count, tables.Count);
        for (var i = 0; i < scored.Count; i++)
            foreach (var item in scored[i].Scoring)
                Assert.Contains(item.Item + item.Points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + item.Deduct, tables[i].InnerText, StringComparison.Ordinal);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public void A_cross_reference_prints_as_text_with_the_targets_page_not_as_a_link()
    {
        using var document = Open();
        var body = document.MainDocumentPart!.Document.Body!;
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var references = body.Descendants<FieldCode>().Select(f => f.Text.Trim()).Where(c => c.StartsWith("PAGEREF", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r.Split(' ')[1], bookmarks));
        // Only the contents are links; no text of an article is blue and underlined.
        Assert.All(body.Descendants<Hyperlink>().Where(h => h.Anchor is not null),
            h => Assert.Contains(h.Ancestors<Paragraph>().Single().ParagraphProperties!.ParagraphStyleId!.Val!.Value, new[] { "TOC1", "TOC2" }));
        var paragraph = body.Descendants<Paragraph>().First(p => p.InnerText.Contains("民主评议党员制度（R07，第", StringComparison.Ordinal));
        Assert.Contains("页）", paragraph.InnerText, StringComparison.Ordinal);
    }

    /// <summary>
    /// L11's example table: LibreOffice prints 2026年3月24日 as 2026 年 3 月 24 日 (a fifth of an em between Chinese and
    /// digits, whatever autoSpaceDE/autoSpaceDN say), so a column as wide as the characters wrapped its 日. Now as wide
    /// as the date printed: 7 digits (105 twips each at 五号), 3 characters (210), 5 spaces (42) and the padding (170).
    /// </summary>
    [Fact]
    public void A_date_column_is_as_wide_as_the_date_prints()
    {
        using var document = Open();
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>()
            .First(t => t.InnerText.Contains("学习全国两会精神", StringComparison.Ordinal) && t.Elements<TableRow>().First().InnerText.StartsWith("日期", StringComparison.Ordinal));
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(widths[0] >= 7 * 105 + 3 * 210 + 5 * 42 + 170, $"日期: {widths[0]} twips");
    }

    [Fact]
    public void A_markdown_table_gets_columns_after_its_text_and_a_shaded_header()
    {
        using var document = Open();
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First(t => t.InnerText.Contains("LG2026-05", StringComparison.Ordinal));
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(widths.Max() > widths.Min() * 2, string.Join(",", widths));
        var header = table.Elements<TableRow>().First();
        // A short header (扣分, 整改时限) on one line: 210 twips a character at 五号, 170 of padding.
        var labels = header.Elements<TableCell>().Select(c => c.InnerText).ToList();
        for (var i = 0; i < labels.Count; i++)
            if (labels[i].Length <= 4) Assert.True(widths[i] >= labels[i].Length * 210 + 170, $"{labels[i]}: {widths[i]} twips");
        Assert.All(header.Elements<TableCell>(), c => Assert.Equal("F2F2F2", c.TableCellProperties!.Shading!.Fill!.Value));
        var next = table.NextSibling<Paragraph>()!;
        Assert.Equal("120", next.ParagraphProperties!.SpacingBetweenLines!.Before!.Value);
    }
}
