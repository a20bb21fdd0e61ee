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
}
