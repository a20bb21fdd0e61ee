using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Model;
using Handbook.Office.Word;
using Handbook.Records;

namespace Handbook.Tests.Word;

/// <summary>The print-ready blank of each form, and the column widths of every form's tables (issue 16 items 1, 2, 4).</summary>
public class PrintReadyBlankTests
{
    public static TheoryData<string> FormIds => [.. TestRepository.Book.Forms.Select(f => f.Id)];

    private static WordprocessingDocument Open(Form form, bool forHand) => WordprocessingDocument.Open(
        new MemoryStream(FormDocument.Create(TestRepository.Book, form, TestRepository.Templates, forHand)), false);

    [Theory]
    [MemberData(nameof(FormIds))]
    public void The_blank_has_no_controls_and_no_prompts_but_prints_the_options_as_boxes(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        using var document = Open(form, forHand: true);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Descendants<SdtRun>());
        Assert.Empty(body.Descendants<SdtBlock>());
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        var fields = form.Fields.SelectMany(f => f.Type == FieldType.Table ? f.Columns.AsEnumerable() : [f]).ToList();
        foreach (var field in fields.Where(f => !string.IsNullOrWhiteSpace(f.Help)))
            Assert.DoesNotContain(field.Help!, text, StringComparison.Ordinal);
        foreach (var field in form.Fields.Where(f => f.Type is FieldType.Choice or FieldType.Choices))
            foreach (var option in field.Options)
                Assert.Contains($"☐\u00A0{option}", text, StringComparison.Ordinal);
        // A table's choice column: its cells are writing space, its options printed once in a line above the table.
        foreach (var column in form.Fields.Where(f => f.Type == FieldType.Table && form.Layout is null).SelectMany(f => f.Columns)
            .Where(c => c.Type is FieldType.Choice or FieldType.Choices))
        {
            var note = body.Elements<Paragraph>().Select(p => p.InnerText).FirstOrDefault(t => t.Contains(column.Label + "填写", StringComparison.Ordinal)
                || t.Contains(column.Label + "、", StringComparison.Ordinal));
            Assert.True(note is not null, $"{id} {column.Label}: no line with its options");
            foreach (var option in column.Options) Assert.Contains($"“{option}”", note, StringComparison.Ordinal);
        }
        if (fields.Any(f => f.Type == FieldType.Date)) Assert.Contains("年　月　日", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fillable_form_prompts_only_in_the_first_row_of_a_table()
    {
        var form = TestRepository.Book.FindForm("F09")!;
        using var document = Open(form, forHand: false);
        var controls = WordReader.Controls(document).Where(c => c.Tag!.StartsWith("dues.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(controls);
        Assert.All(controls.Where(c => !c.Tag!.StartsWith("dues.1.", StringComparison.Ordinal)), c => Assert.True(string.IsNullOrWhiteSpace(c.Text), c.Tag));
        Assert.Contains(controls, c => c.Tag!.StartsWith("dues.1.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(c.Text));
    }

    /// <summary>
    /// 10.5 pt header text: a Chinese character is 210 twips; the cell's padding (1.5 mm a side) about 170. A name
    /// column is at least 2.5 cm (1417 twips); a label fits on one line wherever the page has room for every label and
    /// every column's writing room (otherwise long labels wrap and the writing room stays).
    /// </summary>
    [Theory]
    [MemberData(nameof(FormIds))]
    public void Columns_fit_their_label_on_one_line_and_leave_room_for_a_name(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        if (form.Layout is not null) return; // a named layout (the scoring sheet) gives its own widths
        using var document = Open(form, forHand: true);
        var page = TextWidthTwips(document);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        foreach (var field in form.Fields.Where(f => f.Type == FieldType.Table))
        {
            var table = tables.First(t => t.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText)
                .SequenceEqual(field.Columns.Select(c => c.Label)));
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var labels = field.Columns.Select(c => LabelTwips(c.Label)).ToList();
            var fits = field.Columns.Sum(c => FormLayout.NeedMm(c, forHand: true)) * 1440 / 25.4 <= page;
            for (var i = 0; i < widths.Count; i++)
            {
                if (field.Columns[i].Type is FieldType.Person or FieldType.People && labels.Sum() <= page)
                    Assert.True(widths[i] >= 1417, $"{id} {field.Columns[i].Label}: {widths[i]} twips");
                if (fits)
                    Assert.True(widths[i] >= labels[i], $"{id} {field.Columns[i].Label}: {widths[i]} twips < {labels[i]}");
            }
        }
    }

    /// <summary>
    /// F16's contacts table does not have room for every label on one line: the form and its blank wrap the longest
    /// label (反映的问题和诉求) onto two lines and keep the others on one, rather than giving the choice columns room for
    /// a drop-down arrow or boxes they do not print (the header took five lines).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Only_the_longest_header_wraps_and_onto_two_lines(bool forHand)
    {
        var form = TestRepository.Book.FindForm("F16")!;
        using var document = Open(form, forHand);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>()
            .First(t => t.Elements<TableRow>().First().InnerText.StartsWith("党员", StringComparison.Ordinal));
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var labels = table.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            var lines = HeaderLines(labels[i], widths[i]);
            Assert.True(lines <= (labels[i] == "反映的问题和诉求" ? 2 : 1), $"{labels[i]}: {lines} lines in {widths[i]} twips");
        }
    }

    /// <summary>
    /// F20's roster needs about 210 mm for its nine labels on one line and each column's room to write, and 177 mm with
    /// labels on two lines: more than the 156 mm of portrait A4, where its headers wrapped onto up to five lines
    /// (党费计算基数（元）). The form and its blank print it on landscape A4, every header on at most two lines. F01's tables
    /// fit portrait, and so does F16's, with one label on two lines.
    /// </summary>
    [Theory]
    [InlineData("F20", true)]
    [InlineData("F01", false)]
    [InlineData("F16", false)]
    public void A_form_whose_table_needs_more_than_portrait_prints_on_landscape(string id, bool landscape)
    {
        var form = TestRepository.Book.FindForm(id)!;
        foreach (var forHand in new[] { false, true })
        {
            using var document = Open(form, forHand);
            var size = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
            Assert.Equal(landscape, size.Width!.Value > size.Height!.Value);
            Assert.Equal(landscape, size.Orient?.Value == PageOrientationValues.Landscape);
            foreach (var table in document.MainDocumentPart.Document.Body.Elements<Table>().Where(t => t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null))
            {
                var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var labels = table.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
                for (var i = 0; i < labels.Count; i++)
                    Assert.True(HeaderLines(labels[i], widths[i]) <= FormLayout.MaxHeaderLines, $"{id} {labels[i]}: {HeaderLines(labels[i], widths[i])} lines in {widths[i]} twips");
                Assert.InRange(widths.Sum(), TextWidthTwips(document) - 10, TextWidthTwips(document));
            }
        }
    }

    /// <summary>The width between the margins of the document's page, in twips.</summary>
    private static int TextWidthTwips(WordprocessingDocument document)
    {
        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var margin = section.GetFirstChild<PageMargin>()!;
        return (int)(section.GetFirstChild<PageSize>()!.Width!.Value - margin.Left!.Value - margin.Right!.Value);
    }

    /// <summary>The lines a label takes in a header cell of that width (10.5 pt: 210 twips a Chinese character, 170 of padding).</summary>
    private static int HeaderLines(string label, int widthTwips)
    {
        var perLine = Math.Max(1, (widthTwips - 170) / 210);
        return (label.Length + perLine - 1) / perLine;
    }

    private static int LabelTwips(string label) => label.Sum(c => c >= '\u2E80' ? 210 : 105) + 170;
}
