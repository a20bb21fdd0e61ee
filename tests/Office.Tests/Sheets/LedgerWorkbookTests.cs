using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Handbook.Model;
using Handbook.Office.Sheets;
using static Handbook.Tests.Sheets.Forms;

namespace Handbook.Tests.Sheets;

public sealed class LedgerWorkbookTests
{
    private static readonly Form Meeting = Form("F03", "党小组会记录",
        Field("meeting_date", "会议日期", FieldType.Date, required: true, help: "选择会议召开日期",
            minDate: new DateOnly(2020, 1, 1), maxDate: new DateOnly(2030, 12, 31)),
        Field("expected", "应到人数", FieldType.Integer, required: true, help: "填写党员人数", min: 1, max: 50),
        Field("dues", "党费金额", FieldType.Number, min: 0),
        Field("kind", "会议类型", FieldType.Choice, required: true, options: ["支部党员大会", "支委会", "党小组会"]),
        Field("methods", "方式", FieldType.Choices, options: ["现场", "视频"]),
        Field("location", "会议地点", FieldType.Text, maxLength: 50, help: "填写会议地点"),
        Field("content", "会议内容", FieldType.Textarea, minLength: 30, maxLength: 2000),
        Field("attendees", "到会党员", FieldType.People, help: "用顿号分隔"),
        Field("online", "线上参会", FieldType.Checkbox),
        Field("speeches", "党员发言", FieldType.Table, columns:
        [
            Field("speaker", "发言人", FieldType.Person, required: true, maxLength: 10),
            Field("stance", "态度", FieldType.Choice, options: ["同意", "不同意"]),
        ]));

    private static Workbook Ledger() => Workbook.Write(LedgerWorkbook.Template(Info, Meeting));

    [Fact]
    public void HasASheetPerTableFieldAndAHiddenOptionsSheet()
    {
        using var book = Ledger();
        Assert.Equal(["党小组会记录", "党员发言", "选项"], book.SheetNames);
        Assert.Equal(SheetStateValues.Hidden, book.SheetElements[2].State?.Value);
        Assert.Null(book.SheetElements[0].State);
    }

    [Fact]
    public void TitleRowsNameTheFormAndVersionAndTheHeaderListsTheFields()
    {
        using var book = Ledger();
        Assert.Equal("党小组会记录台账", book.Text("党小组会记录", "A1"));
        Assert.Contains("F03", book.Text("党小组会记录", "A2"), StringComparison.Ordinal);
        Assert.Contains("2026.1", book.Text("党小组会记录", "A2"), StringComparison.Ordinal);
        Assert.Equal(["序号", "会议日期 *", "应到人数 *", "党费金额", "会议类型 *", "方式", "会议地点", "会议内容", "到会党员", "线上参会", ""],
            book.Row("党小组会记录", LedgerWorkbook.HeaderRow, 11));
        Assert.Equal(["记录序号", "发言人 *", "态度"], book.Row("党员发言", LedgerWorkbook.HeaderRow, 3));
        var merges = book.Sheet("党小组会记录").Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Equal(["A1:J1", "A2:J2"], merges);
    }

    [Fact]
    public void ValidationMatchesEachFieldTypeAndItsBounds()
    {
        using var book = Ledger();
        const string sheet = "党小组会记录";

        var date = book.ValidationAt(sheet, "B4");
        Assert.Equal(DataValidationValues.Date, date.Type!.Value);
        Assert.Equal(DataValidationOperatorValues.Between, date.Operator!.Value);
        Assert.Equal(ExcelDate.Serial(new DateOnly(2020, 1, 1)).ToString(CultureInfo.InvariantCulture), date.Formula1!.Text);
        Assert.Equal(ExcelDate.Serial(new DateOnly(2030, 12, 31)).ToString(CultureInfo.InvariantCulture), date.Formula2!.Text);

        var whole = book.ValidationAt(sheet, "C4");
        Assert.Equal(DataValidationValues.Whole, whole.Type!.Value);
        Assert.Equal(("1", "50"), (whole.Formula1!.Text, whole.Formula2!.Text));
        Assert.Equal("填写党员人数（必填）", whole.Prompt!.Value);
        Assert.Equal("应到人数", whole.PromptTitle!.Value);
        Assert.Contains("1 到 50", whole.Error!.Value, StringComparison.Ordinal);

        var number = book.ValidationAt(sheet, "D4");
        Assert.Equal(DataValidationValues.Decimal, number.Type!.Value);
        Assert.Equal(DataValidationOperatorValues.GreaterThanOrEqual, number.Operator!.Value);
        Assert.Equal("0", number.Formula1!.Text);

        var text = book.ValidationAt(sheet, "G4");
        Assert.Equal(DataValidationValues.TextLength, text.Type!.Value);
        Assert.Equal(DataValidationOperatorValues.LessThanOrEqual, text.Operator!.Value);
        Assert.Equal("50", text.Formula1!.Text);
        var textarea = book.ValidationAt(sheet, "H4");
        Assert.Equal(("30", "2000"), (textarea.Formula1!.Text, textarea.Formula2!.Text));

        var choices = book.ValidationAt(sheet, "F4");
        Assert.Contains("现场、视频", choices.Prompt!.Value, StringComparison.Ordinal);

        var first = LedgerWorkbook.HeaderRow + 1;
        var last = LedgerWorkbook.HeaderRow + LedgerWorkbook.TemplateRows;
        Assert.Equal($"C{first}:C{last}", whole.SequenceOfReferences!.InnerText);
        Assert.All(book.Validations(sheet), v => Assert.True(v.AllowBlank!.Value && v.ShowInputMessage!.Value));
    }

    [Fact]
    public void DropDownListsPointAtTheOptionsOfTheirField()
    {
        using var book = Ledger();
        Assert.Equal(["支部党员大会", "支委会", "党小组会"], ListItems(book, book.ValidationAt("党小组会记录", "E4")));
        Assert.Equal(["是", "否"], ListItems(book, book.ValidationAt("党小组会记录", "J4")));
        Assert.Equal(["同意", "不同意"], ListItems(book, book.ValidationAt("党员发言", "C10")));
    }

    [Fact]
    public void ColumnsAreWideEnoughForTheirChineseLabelsAndDatesAreFormatted()
    {
        using var book = Ledger();
        var header = book.Row("党小组会记录", LedgerWorkbook.HeaderRow, 10);
        for (var column = 1; column <= header.Count; column++)
            Assert.True(book.ColumnWidth("党小组会记录", column) >= 2 * header[column - 1].Count(c => c > 0x2E80),
                $"column {header[column - 1]} is too narrow");
        var dateColumn = book.Sheet("党小组会记录").Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().First(c => c.Min! == 2);
        var format = book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)dateColumn.Style!.Value).NumberFormatId!.Value;
        Assert.Equal("yyyy-mm-dd", book.Document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!
            .Elements<NumberingFormat>().Single(n => n.NumberFormatId! == format).FormatCode!.Value);
    }

    [Fact]
    public void HeaderIsFrozenAndRepeatedOnEveryLandscapePageAtAScaleThatFitsTheWidth()
    {
        using var book = Ledger();
        foreach (var (name, index) in new[] { ("党小组会记录", 0u), ("党员发言", 1u) })
        {
            var pane = book.Sheet(name).Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(LedgerWorkbook.HeaderRow, pane.VerticalSplit!.Value);
            Assert.Equal("A4", pane.TopLeftCell!.Value);
            var setup = book.Sheet(name).Descendants<PageSetup>().Single();
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            // The empty ledger prints at a fixed scale that fits its width, so its ruled rows fill the page in any office suite.
            Assert.InRange(setup.Scale!.Value, 10u, 100u);
            Assert.Empty(book.Sheet(name).Descendants<PageSetupProperties>());
            var titles = book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>()
                .Single(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId! == index);
            Assert.Equal($"'{name}'!$3:$3", titles.Text);
        }
    }

    [Fact]
    public void PassesTheOpenXmlSchemaValidation()
    {
        using var book = Ledger();
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}");
        Assert.Empty(errors);
    }

    /// <summary>The values in the cells a list validation refers to.</summary>
    private static IReadOnlyList<string> ListItems(Workbook book, DataValidation validation)
    {
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        var formula = validation.Formula1!.Text;
        var bang = formula.LastIndexOf('!');
        var sheet = formula[1..(bang - 1)];
        var range = formula[(bang + 1)..].Replace("$", "", StringComparison.Ordinal).Split(':');
        var column = new string(range[0].TakeWhile(char.IsLetter).ToArray());
        var (from, to) = (int.Parse(range[0][column.Length..], CultureInfo.InvariantCulture), int.Parse(range[1][column.Length..], CultureInfo.InvariantCulture));
        return Enumerable.Range(from, to - from + 1).Select(r => book.Text(sheet, $"{column}{r}")).ToList();
    }

    [Fact]
    public void AFilledLedgerHasARowPerRecordWithItsSourceAndTableRowsTiedToIt()
    {
        LedgerRecord[] records =
        [
            new("unit1/2027-01.docx", new Dictionary<string, object?> { ["meeting_date"] = new DateOnly(2027, 1, 25), ["expected"] = 12m, ["kind"] = "党小组会" },
                new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>
                {
                    ["speeches"] = [new Dictionary<string, object?> { ["speaker"] = "张三", ["stance"] = "同意" },
                                    new Dictionary<string, object?> { ["speaker"] = "李四" }],
                }),
            new("unit2/2027-01.docx", new Dictionary<string, object?> { ["location"] = "三楼会议室" },
                new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>()),
        ];
        RejectedRecord[] rejected = [new("unit3/bad.docx", ["必填项“会议日期”未填写", "实到人数不能超过应到人数"])];

        using var book = Workbook.Write(LedgerWorkbook.Filled(Info, Meeting, records, rejected));

        Assert.Equal(["党小组会记录", "党员发言", LedgerWorkbook.RejectedSheet, "选项"], book.SheetNames);
        Assert.Equal("来源文件", book.Text("党小组会记录", "K3"));
        Assert.Equal(["1", ExcelDate.Serial(new DateOnly(2027, 1, 25)).ToString(CultureInfo.InvariantCulture), "12", "", "党小组会", "", "", "", "", "", "unit1/2027-01.docx"],
            book.Row("党小组会记录", 4, 11));
        Assert.Equal(["2", "", "", "", "", "", "三楼会议室"], book.Row("党小组会记录", 5, 7));
        Assert.Equal("unit2/2027-01.docx", book.Text("党小组会记录", "K5"));
        Assert.Equal(["1", "张三", "同意"], book.Row("党员发言", 4, 3));
        Assert.Equal(["1", "李四", ""], book.Row("党员发言", 5, 3));
        Assert.Equal(["1", "unit3/bad.docx", "必填项“会议日期”未填写"], book.Row(LedgerWorkbook.RejectedSheet, 2, 3));
        Assert.Equal(["2", "unit3/bad.docx", "实到人数不能超过应到人数"], book.Row(LedgerWorkbook.RejectedSheet, 3, 3));
        Assert.Equal(DataValidationValues.Whole, book.ValidationAt("党小组会记录", "C5").Type!.Value);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => e.Description));
    }

    /// <summary>An empty ledger prints as a paper one: a page of ruled rows under the header, every sheet on one paper size.</summary>
    [Fact]
    public void AnEmptyLedgerPrintsRuledRowsOnOnePaperSize()
    {
        using var book = Ledger();
        var visible = book.SheetElements.Where(s => s.State is null).Select(s => s.Name!.Value!).ToList();
        Assert.Equal(2, visible.Count);
        Assert.Single(visible.Select(name => book.Sheet(name).GetFirstChild<PageSetup>()!.PaperSize!.Value).Distinct());
        foreach (var name in visible)
        {
            var rows = book.Sheet(name).Descendants<Row>().Where(r => r.RowIndex!.Value > LedgerWorkbook.HeaderRow).ToList();
            Assert.True(rows.Count >= 10, $"{name}: {rows.Count} ruled rows");
            Assert.All(rows, r => Assert.Equal(LedgerWorkbook.RuledRowHeight, r.Height!.Value));
            var columns = book.Sheet(name).Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Count();
            Assert.All(rows, r => Assert.Equal(columns, r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Count(c => c.StyleIndex is not null)));
        }
    }
}
