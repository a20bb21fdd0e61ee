using Handbook.Model;

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

    public static IReadOnlyList<Sheet> Template(BookInfo info, Form form)
    {
        var options = new Sheet(OptionsSheet) { Hidden = true };
        var main = Ledger(info, form, Title(form), [.. form.Fields.Where(f => f.Type != FieldType.Table)], NumberLabel, options);
        var tables = form.Fields.Where(f => f.Type == FieldType.Table)
            .Select(t => Ledger(info, form, $"{Title(form)}（{t.Label}）", t.Columns, RecordNumberLabel, options, t.Label));
        List<Sheet> sheets = [main, .. tables];
        if (options.Columns.Count > 0) sheets.Add(options);
        return sheets;
    }

    public static string Title(Form form) => $"{form.Title}台账";

    private static Sheet Ledger(BookInfo info, Form form, string title, IReadOnlyList<Field> fields, string keyLabel,
        Sheet options, string? sheetName = null)
    {
        var sheet = new Sheet(sheetName ?? form.Title)
        {
            FrozenRows = HeaderRow, PrintTitleRow = HeaderRow, PageHeader = $"{info.Title}（{info.Edition}）",
        };
        sheet.AddTitle(title, $"表单编号：{form.Id}　版本：{form.Version}　（带 * 的为必填项）", fields.Count + 1);
        sheet.Add(new SheetRow([Cell.Header(keyLabel), .. fields.Select(f => Cell.Header(FieldInput.HeaderLabel(f)))], 30));

        var first = HeaderRow + 1;
        var last = HeaderRow + TemplateRows;
        sheet.Columns.Add(new Column(TextWidth.Column(keyLabel, min: 8)));
        sheet.Validations.Add(new InputRule(CellReference.ColumnRange(1, first, last),
            DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.Whole,
            DocumentFormat.OpenXml.Spreadsheet.DataValidationOperatorValues.GreaterThanOrEqual, "1", null, keyLabel,
            keyLabel == NumberLabel ? "记录的顺序号，从1开始" : $"这一行所属记录在“{form.Title}”表中的序号", $"“{keyLabel}”应为正整数"));
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            sheet.Columns.Add(new Column(FieldInput.Width(field), FieldInput.ColumnStyle(field)));
            sheet.Validations.Add(FieldInput.Rule(field, CellReference.ColumnRange(i + 2, first, last), ListSource(options, field)));
        }
        return sheet;
    }

    /// <summary>Puts the field's options in a column of the options sheet and returns that range; null for fields without a list.</summary>
    private static string? ListSource(Sheet options, Field field)
    {
        var values = FieldInput.ListOptions(field);
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
