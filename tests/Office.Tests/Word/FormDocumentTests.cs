using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Model;
using Handbook.Office.Word;
using Handbook.Records;

namespace Handbook.Tests.Word;

public class FormDocumentTests
{
    public static TheoryData<string> FormIds => [.. TestRepository.Book.Forms.Select(f => f.Id)];

    private static byte[] Create(Form form) => FormDocument.Create(TestRepository.Book, form, TestRepository.Templates);

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Blank_and_filled_forms_pass_the_Office_2013_validator(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        var blank = Create(form);
        var filled = FormFiller.Fill(blank, FormSamples.Controls(form).ToDictionary(c => c.Tag, c => c.Value));
        foreach (var bytes in new[] { blank, filled })
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Each_field_is_one_control_in_field_order_beside_its_label(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        using var document = WordprocessingDocument.Open(new MemoryStream(Create(form)), false);
        var expected = FormSamples.Controls(form);
        var actual = WordReader.Controls(document);

        Assert.Equal(expected.Select(c => (c.Tag, c.Alias, c.Kind)), actual.Select(c => (c.Tag!, c.Alias!, c.Kind)));
        foreach (var control in actual)
        {
            Assert.NotNull(control.Element.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>());
            Assert.Null(control.Element.SdtProperties!.GetFirstChild<SdtContentText>());
            Assert.IsType<SdtRun>(control.Element);
            Assert.NotNull(control.Element.Ancestors<TableCell>().FirstOrDefault());
        }
        foreach (var field in form.Fields.Where(f => f.Type != FieldType.Table))
        {
            var control = actual.First(c => c.Tag == field.Id || c.Tag == $"{field.Id}.1");
            var cell = control.Element.Ancestors<TableCell>().First();
            Assert.Equal(field.Label, (cell.PreviousSibling<TableCell>()?.InnerText));
            if (field.Type is not (FieldType.Checkbox or FieldType.Choices))
            {
                Assert.True(control.Placeholder);
                Assert.Equal(Placeholder.For(field, row: 0), control.Text);
                Assert.NotEqual(field.Label, control.Text.Trim());
            }
        }
    }

    /// <summary>
    /// A drop-down prints its prompt, not its list (issue 16 item 4): F18's 季度 and the station's 班次 (no help) show
    /// their options.
    /// </summary>
    [Theory]
    [InlineData("handbook", "F18", "quarter", "选择：第一季度／第二季度／第三季度／第四季度")]
    [InlineData("tests/Handbook.Tests/Fixtures/station", "P01", "shift", "选择：白班／夜班")]
    public void A_drop_down_shows_its_options_as_its_prompt(string source, string id, string field, string prompt)
    {
        var book = TestRepository.Load(Path.Combine(RepositoryPaths.Root, source));
        using var document = WordprocessingDocument.Open(new MemoryStream(FormDocument.Create(book, book.FindForm(id)!, TestRepository.Templates)), false);
        var control = WordReader.Controls(document).Single(c => c.Tag == field);
        Assert.Equal(FormSamples.Kind.DropDown, control.Kind);
        Assert.True(control.Placeholder);
        Assert.Equal(prompt, control.Text);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void A_table_field_is_a_table_of_column_labels_and_its_printed_rows(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        using var document = WordprocessingDocument.Open(new MemoryStream(Create(form)), false);
        foreach (var field in form.Fields.Where(f => f.Type == FieldType.Table))
        {
            var table = WordReader.Controls(document).First(c => c.Tag == $"{field.Id}.1.{field.Columns[0].Id}")
                .Element.Ancestors<Table>().First();
            var rows = table.Elements<TableRow>().ToList();
            Assert.Equal(field.Rows + 1, rows.Count);
            Assert.Equal(field.Columns.Select(c => c.Label), rows[0].Elements<TableCell>().Select(c => c.InnerText));
            Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
            for (var r = 1; r <= field.Rows; r++)
                Assert.Equal(field.Columns.Select(c => $"{field.Id}.{r}.{c.Id}"),
                    rows[r].Elements<TableCell>().Select(c => c.Descendants<SdtRun>().Single().SdtProperties!.GetFirstChild<Tag>()!.Val!.Value));
        }
    }

    [Fact]
    public void The_form_carries_its_identity_in_properties_and_a_visible_line()
    {
        var form = TestRepository.Book.FindForm("F03")!;
        using var document = WordprocessingDocument.Open(new MemoryStream(Create(form)), false);
        var properties = document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal("F03", properties["HandbookFormId"]);
        Assert.Equal(form.Version, properties["HandbookFormVersion"]);
        Assert.Equal(TestRepository.Book.Info.Edition, properties["HandbookEdition"]);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(form.Title, paragraphs[0]);
        Assert.Equal($"表单编号：F03　版本：{form.Version}", paragraphs[1]);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void The_identity_a_form_is_written_with_reads_back_from_its_properties_and_its_visible_line(string id)
    {
        var form = TestRepository.Book.FindForm(id)!;
        using var document = WordprocessingDocument.Open(new MemoryStream(Create(form)), false);
        var properties = document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        var expected = new FormIdentity(form.Id, form.Version);
        Assert.Equal(expected, FormIdentity.FromProperties(properties));
        var lines = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Select(p => FormIdentity.FromCodeLine(p.InnerText)).Where(i => i is not null).ToList();
        Assert.Equal([expected], lines);
    }

    [Fact]
    public void Every_style_has_a_Chinese_font_and_language()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Create(TestRepository.Book.Forms[0])), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        Assert.Contains(styles, s => s.StyleId == "FormTitle");
        foreach (var style in styles)
            Assert.Equal("zh-CN", style.StyleRunProperties?.GetFirstChild<Languages>()?.EastAsia?.Value);
        var normal = styles.Single(s => s.StyleId == "Normal");
        Assert.Equal("仿宋", normal.StyleRunProperties!.GetFirstChild<RunFonts>()!.EastAsia!.Value);
        var title = styles.Single(s => s.StyleId == "FormTitle");
        Assert.Equal("44", title.StyleRunProperties!.GetFirstChild<FontSize>()!.Val!.Value); // 二号 = 22pt
    }
}
