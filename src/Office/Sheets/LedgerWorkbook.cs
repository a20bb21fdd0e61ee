using Handbook.Model;
using Handbook.Records;

namespace Handbook.Office.Sheets;

/// <summary>
/// The ledger (台账) of one form as a workbook: a sheet with one column per field and one row per record,
/// a sheet per table field (its rows tied to their record by the record's 序号), and a hidden sheet with
/// the drop-down options. Every column validates its input the way the form's field does.
/// </summary>
public static class LedgerWorkbook
{
    public const string NumberLabel = "序号";
    public const string RecordNumberLabel = "记录序号";
    public const string OptionsSheet = "选项";

    /// <summary>Rows below the header that carry data validation in an empty ledger.</summary>
    public const int TemplateRows = 500;

    /// <summary>The title row, the identity row, then the header.</summary>
    public const int HeaderRow = 3;

    public const string SourceLabel = "来源文件";
    public const string RejectedSheet = "未通过校验的记录";

    public static IReadOnlyList<WorksheetSpec> Template(BookInfo info, Form form) => Create(info, form, null, []);

    /// <summary>
    /// The ledger filled from records: one row per valid record with the file it came from (its table rows on
    /// the table sheets), and a sheet listing the records that failed validation with their findings.
    /// </summary>
    public static IReadOnlyList<WorksheetSpec> Filled(BookInfo info, Form form, IReadOnlyList<LedgerRecord> records,
        IReadOnlyList<RejectedRecord> rejected) => Create(info, form, records, rejected);

    private static IReadOnlyList<WorksheetSpec> Create(BookInfo info, Form form, IReadOnlyList<LedgerRecord>? records,
        IReadOnlyList<RejectedRecord> rejected)
    {
        var options = new WorksheetSpec(OptionsSheet) { Hidden = true };
        var fields = form.Fields.Where(f => f.Type != FieldType.Table).ToList();
        var rows = records?.Select((r, i) => (IReadOnlyList<object?>)[i + 1, .. fields.Select(f => r.Values.GetValueOrDefault(f.Id)), r.Source]).ToList();
        var main = Ledger(info, form, Title(form), fields, NumberLabel, options, form.Title, rows);
        var tables = form.Fields.Where(f => f.Type == FieldType.Table).Select(t => Ledger(info, form, $"{Title(form)}（{t.Label}）",
            t.Columns, RecordNumberLabel, options, t.Label, records?.SelectMany((r, i) => r.Tables.GetValueOrDefault(t.Id, [])
                .Select(row => (IReadOnlyList<object?>)[i + 1, .. t.Columns.Select(c => row.GetValueOrDefault(c.Id))])).ToList()));
        List<WorksheetSpec> sheets = [main, .. tables];
        if (records is null)
        {
            var paper = PrintPage.Paper(sheets);
            foreach (var sheet in sheets) AddRuledRows(sheet, paper);
        }
        else sheets.Add(Rejected(rejected));
        if (options.Columns.Count > 0) sheets.Add(options);
        return sheets;
    }

    public static string Title(Form form) => $"{form.Title}台账";

    /// <param name="rows">The data rows (key, the fields' values, and for the main sheet the source file); null for a template.</param>
    private static WorksheetSpec Ledger(BookInfo info, Form form, string title, IReadOnlyList<Field> fields, string keyLabel,
        WorksheetSpec options, string sheetName, IReadOnlyList<IReadOnlyList<object?>>? rows)
    {
        var sheet = new WorksheetSpec(sheetName)
        {
            FrozenRows = HeaderRow, PrintTitleRow = HeaderRow, PageHeader = $"{info.Title}（{info.Edition}）",
        };
        var withSource = rows is not null && keyLabel == NumberLabel;
        List<string> headers = [keyLabel, .. fields.Select(LedgerColumn.HeaderLabel)];
        if (withSource) headers.Add(SourceLabel);
        sheet.AddTitle(title, $"{FormIdentity.CodeLine(form.Id, form.Version)}　（带 * 的为必填项）", headers.Count);
        sheet.Add(new SheetRow([.. headers.Select(Cell.Header)], 30));

        var first = HeaderRow + 1;
        var last = HeaderRow + Math.Max(TemplateRows, (rows?.Count ?? 0) + TemplateRows / 5);
        sheet.Columns.Add(new Column(TextWidth.Column(keyLabel, min: 8)));
        sheet.Validations.Add(new InputRule(CellReference.ColumnRange(1, first, last),
            DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.Whole,
            DocumentFormat.OpenXml.Spreadsheet.DataValidationOperatorValues.GreaterThanOrEqual, "1", null, keyLabel,
            keyLabel == NumberLabel ? "记录的顺序号，从1开始" : $"这一行所属记录在“{form.Title}”表中的序号", $"“{keyLabel}”应为正整数"));
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            sheet.Columns.Add(new Column(LedgerColumn.Width(field), LedgerColumn.ColumnStyle(field)));
            sheet.Validations.Add(LedgerColumn.Rule(field, CellReference.ColumnRange(i + 2, first, last), ListSource(options, field)));
        }
        if (withSource) sheet.Columns.Add(new Column(30, CellStyle.Wrapped));
        foreach (var row in rows ?? [])
            sheet.Add(new SheetRow([.. row.Select(DataCell)]));
        return sheet;
    }

    /// <summary>Height of a ruled row of an empty ledger: room to write by hand.</summary>
    public const double RuledRowHeight = 24;

    /// <summary>
    /// An empty ledger prints as a paper one does: a page of ruled rows under the header. It prints at a fixed scale,
    /// so the rows fill the page in any office suite (fitted to the width, the height would vary with the font).
    /// </summary>
    private static void AddRuledRows(WorksheetSpec sheet, PrintPage.PaperSize paper)
    {
        sheet.PrintScale = PrintPage.WidthScale(sheet, paper);
        var cells = sheet.Columns.Select(c => new Cell(null, c.Style == CellStyle.Date ? CellStyle.BodyDate : CellStyle.Body)).ToList();
        for (var n = PrintPage.RowsLeftOnFirstPage(sheet, paper, RuledRowHeight); n > 0; n--)
            sheet.Add(new SheetRow(cells, RuledRowHeight));
    }

    private static Cell DataCell(object? value) => new(value, value switch
    {
        DateOnly => CellStyle.BodyDate,
        decimal or int or bool => CellStyle.BodyCentered,
        _ => CellStyle.Body,
    });

    private static WorksheetSpec Rejected(IReadOnlyList<RejectedRecord> rejected)
    {
        var sheet = new WorksheetSpec(RejectedSheet) { FrozenRows = 1, PrintTitleRow = 1 };
        sheet.Columns.Add(new Column(6));
        sheet.Columns.Add(new Column(40));
        sheet.Columns.Add(new Column(70));
        sheet.Add(Cell.Header("序号"), Cell.Header(SourceLabel), Cell.Header("问题"));
        var number = 0;
        foreach (var record in rejected)
            foreach (var finding in record.Findings)
                sheet.Add(new Cell(++number, CellStyle.BodyCentered), new Cell(record.Source, CellStyle.Body), new Cell(finding, CellStyle.Body));
        return sheet;
    }

    /// <summary>Puts the field's options in a column of the options sheet and returns that range; null for fields without a list.</summary>
    private static string? ListSource(WorksheetSpec options, Field field)
    {
        var values = LedgerColumn.ListOptions(field);
        if (values.Count == 0) return null;
        var column = options.Columns.Count + 1;
        options.Columns.Add(new Column(TextWidth.Column(field.Label)));
        for (var row = 0; row <= values.Count; row++)
        {
            if (options.Rows.Count <= row) options.Rows.Add(new SheetRow([]));
            var cells = options.Rows[row]!.Cells.ToList();
            while (cells.Count < column - 1) cells.Add(Cell.Empty);
            cells.Add(new Cell(row == 0 ? field.Label : values[row - 1], CellStyle.Default));
            options.Rows[row] = new SheetRow(cells);
        }
        var col = CellReference.Column(column);
        return $"{CellReference.SheetPrefix(options.Name)}${col}$2:${col}${values.Count + 1}";
    }
}

/// <summary>
/// A valid record for a filled ledger: its values by field id (string, decimal, DateOnly or bool; several
/// names or options joined as text) and the rows of its table fields, by table id then column id.
/// </summary>
public sealed record LedgerRecord(
    string Source,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Tables);

/// <summary>A record that failed validation, with its findings as the reader should see them.</summary>
public sealed record RejectedRecord(string Source, IReadOnlyList<string> Findings);
