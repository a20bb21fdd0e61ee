using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Handbook.Office.Sheets;

/// <summary>Writes sheets described as data into an .xlsx package.</summary>
public static class WorkbookWriter
{
    /// <summary>Points per line of 11-point text.</summary>
    private const double LineHeight = 14.5;

    /// <summary>Space above and below the text of a row of wrapped text, so it does not touch the borders.</summary>
    private const double RowPadding = 6;

    public static void Write(string path, IReadOnlyList<WorksheetSpec> sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        File.WriteAllBytes(path, stream.ToArray());
    }

    public static void Write(Stream stream, IReadOnlyList<WorksheetSpec> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();

        // One paper size for the whole workbook, so a table field's sheet prints like its ledger.
        var paper = PrintPage.Paper(sheets);
        var sheetList = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet, paper);
            sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Name = sheet.Name, SheetId = (uint)i + 1, Id = workbookPart.GetIdOfPart(part),
                State = sheet.Hidden ? SheetStateValues.Hidden : null,
            });
            if (sheet.PrintTitleRow > 0)
                definedNames.Append(new DefinedName($"{CellReference.SheetPrefix(sheet.Name)}${sheet.PrintTitleRow}:${sheet.PrintTitleRow}")
                    { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }

        var workbook = new Workbook(new BookViews(new WorkbookView()), sheetList);
        if (definedNames.HasChildren) workbook.Append(definedNames);
        // Ask applications to recalculate on open, so the totals follow whatever a user typed elsewhere.
        workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        workbookPart.Workbook = workbook;
    }

    private static Worksheet Worksheet(WorksheetSpec sheet, PrintPage.PaperSize paper)
    {
        var worksheet = new Worksheet();
        if ((sheet.Landscape || sheet.PrintTitleRow > 0) && sheet.PrintScale is null)
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        worksheet.Append(new SheetViews(View(sheet)));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        if (sheet.Columns.Count > 0)
            worksheet.Append(new Columns(sheet.Columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
                Style = c.Style == CellStyle.Default ? null : (uint)c.Style,
            })));
        worksheet.Append(new SheetData(sheet.Rows.Select((r, i) => Row(sheet, r, i + 1)).OfType<Row>()));
        if (sheet.Merges.Count > 0)
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Count });
        if (sheet.Validations.Count > 0)
            worksheet.Append(new DataValidations(sheet.Validations.Select(Validation)) { Count = (uint)sheet.Validations.Count });
        worksheet.Append(new PrintOptions { HorizontalCentered = true });
        worksheet.Append(new PageMargins { Left = PrintPage.SideMargin, Right = PrintPage.SideMargin, Top = PrintPage.TopMargin, Bottom = PrintPage.BottomMargin, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = paper.Code,
            Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1, FitToHeight = 0,
            Scale = sheet.PrintScale is { } scale ? (uint)scale : null,
        });
        var headerFooter = new HeaderFooter();
        // '&' starts a header code, so a literal one is doubled.
        if (sheet.PageHeader is not null) headerFooter.Append(new OddHeader("&L" + sheet.PageHeader.Replace("&", "&&", StringComparison.Ordinal)));
        headerFooter.Append(new OddFooter("&C第 &P 页，共 &N 页"));
        worksheet.Append(headerFooter);
        return worksheet;
    }

    private static SheetView View(WorksheetSpec sheet)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (sheet.FrozenRows == 0) return view;
        var topLeft = CellReference.Of(1, sheet.FrozenRows + 1);
        view.Append(
            new Pane { VerticalSplit = sheet.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        return view;
    }

    private static Row? Row(WorksheetSpec sheet, SheetRow? row, int number)
    {
        if (row is null) return null;
        var result = new Row { RowIndex = (uint)number };
        if ((row.Height ?? WrappedHeight(sheet, row, number)) is { } height)
        {
            result.Height = height;
            result.CustomHeight = true;
        }
        for (var i = 0; i < row.Cells.Count; i++)
            result.Append(Cell(row.Cells[i], CellReference.Of(i + 1, number)));
        return result;
    }

    /// <summary>
    /// The height a row of wrapped text needs, estimated from its text and column widths: applications do not
    /// all fit row heights on opening, and a clipped line of a deduction rule is a line nobody reads.
    /// </summary>
    private static double? WrappedHeight(WorksheetSpec sheet, SheetRow row, int number)
    {
        var lines = 1;
        for (var i = 0; i < row.Cells.Count && i < sheet.Columns.Count; i++)
        {
            var cell = row.Cells[i];
            // A merged cell spans several columns; its text is laid out by hand (a fixed height).
            if (cell.Value is not string text || !WorkbookStyles.Wraps(cell.Style)
                || sheet.Merges.Any(m => m.StartsWith(CellReference.Of(i + 1, number) + ":", StringComparison.Ordinal))) continue;
            var perLine = Math.Max(1, sheet.Columns[i].Width - 2); // a little narrower than the column: cell padding
            lines = Math.Max(lines, text.Split('\n').Sum(l => (int)Math.Ceiling(Math.Max(1, TextWidth.Of(l)) / perLine)));
        }
        return WrappedRow(row) ? lines * LineHeight + RowPadding : null;
    }

    private static bool WrappedRow(SheetRow row) => row.Cells.Any(c => WorkbookStyles.Wraps(c.Style));

    private static DocumentFormat.OpenXml.Spreadsheet.Cell Cell(Cell cell, string reference)
    {
        var result = new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference };
        if (cell.Style != CellStyle.Default) result.StyleIndex = (uint)cell.Style;
        if (cell.Formula is not null) result.Append(new CellFormula(cell.Formula));
        switch (cell.Value)
        {
            case null:
                break;
            case string text when cell.Formula is null:
                result.DataType = CellValues.InlineString;
                result.Append(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                break;
            case string text:
                result.DataType = CellValues.String;
                result.Append(new CellValue(text));
                break;
            case DateOnly date:
                result.Append(new CellValue(ExcelDate.Serial(date).ToString(CultureInfo.InvariantCulture)));
                break;
            case bool flag:
                result.DataType = CellValues.Boolean;
                result.Append(new CellValue(flag ? "1" : "0"));
                break;
            case IConvertible number:
                result.Append(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                throw new ArgumentException($"Unsupported cell value {cell.Value.GetType()} at {reference}");
        }
        return result;
    }

    private static DataValidation Validation(InputRule rule)
    {
        var validation = new DataValidation
        {
            Type = rule.Type,
            Operator = rule.Operator,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorTitle = "输入有误",
            Error = rule.Error,
            PromptTitle = rule.PromptTitle,
            Prompt = rule.Prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = rule.Range },
        };
        if (rule.Formula1 is not null) validation.Append(new Formula1(rule.Formula1));
        if (rule.Formula2 is not null) validation.Append(new Formula2(rule.Formula2));
        return validation;
    }
}
