using DocumentFormat.OpenXml.Spreadsheet;

namespace Handbook.Office.Sheets;

/// <summary>
/// One worksheet described as data: cells, widths, merges, validation and print layout. WorkbookWriter turns
/// a list of these into SpreadsheetML, so the generators only decide what goes where.
/// </summary>
public sealed class WorksheetSpec(string name)
{
    /// <summary>Excel's limit on sheet names.</summary>
    public const int MaxNameLength = 31;

    public string Name { get; } = name.Length > MaxNameLength ? name[..MaxNameLength] : name;

    /// <summary>A hidden sheet holds data for the visible ones (drop-down lists).</summary>
    public bool Hidden { get; init; }

    /// <summary>Column widths in characters (Excel's unit), with the style empty cells of the column take.</summary>
    public List<Column> Columns { get; } = [];

    /// <summary>Rows from row 1 down; a null entry is an empty row.</summary>
    public List<SheetRow?> Rows { get; } = [];

    /// <summary>Merged ranges, like "A1:F1".</summary>
    public List<string> Merges { get; } = [];

    public List<InputRule> Validations { get; } = [];

    /// <summary>Rows kept in view while scrolling (the title and the header).</summary>
    public int FrozenRows { get; set; }

    /// <summary>The 1-based row repeated at the top of every printed page; 0 for none.</summary>
    public int PrintTitleRow { get; set; }

    public bool Landscape { get; set; } = true;

    /// <summary>Text printed at the top left of every page, if any.</summary>
    public string? PageHeader { get; set; }

    /// <summary>The print scale in per cent; null: fitted to the paper's width.</summary>
    public int? PrintScale { get; set; }

    /// <summary>The 1-based number the next added row gets.</summary>
    public int NextRow => Rows.Count + 1;

    public int Add(SheetRow? row)
    {
        Rows.Add(row);
        return Rows.Count;
    }

    public int Add(params Cell[] cells) => Add(new SheetRow(cells));

    /// <summary>The title and the line under it, each merged across the given number of columns.</summary>
    public void AddTitle(string title, string subtitle, int columns)
    {
        var last = CellReference.Column(columns);
        var row = Add(new SheetRow([new Cell(title, CellStyle.Title)], 32));
        Merges.Add($"A{row}:{last}{row}");
        row = Add(new SheetRow([new Cell(subtitle, CellStyle.Subtitle)], 20));
        Merges.Add($"A{row}:{last}{row}");
    }

    /// <summary>Merges cells of one row, from column to column (1-based).</summary>
    public void Merge(int row, int fromColumn, int toColumn) => Merges.Add($"{CellReference.Of(fromColumn, row)}:{CellReference.Of(toColumn, row)}");
}

public sealed record Column(double Width, CellStyle Style = CellStyle.Default);

public sealed record SheetRow(IReadOnlyList<Cell> Cells, double? Height = null);

/// <summary>
/// A cell: a value (string, decimal, int, DateOnly or null) and a style. A formula cell carries the value the
/// formula gives as its cached value, so readers that do not calculate still see the result.
/// </summary>
public sealed record Cell(object? Value, CellStyle Style = CellStyle.Body, string? Formula = null)
{
    public static readonly Cell Empty = new((object?)null);

    public static Cell Header(string text) => new(text, CellStyle.Header);
}

/// <summary>The cell styles of every workbook; WorkbookStyles builds the stylesheet in this order.</summary>
public enum CellStyle
{
    Default,
    Title,
    Subtitle,
    Header,
    Body,
    BodyCentered,
    BodyDate,
    Wrapped,
    Date,
    TotalLabel,
    Total,
    Note,
    /// <summary>A heading row inside a table (a part of the handbook).</summary>
    Section,
    /// <summary>A cell the user fills in, tinted so it stands out: centered (scores, dates) or wrapped text.</summary>
    Input,
    InputText,
    InputDate,
    /// <summary>A date of this year's calendar, as 1月1日 (the reminder tables).</summary>
    BodyMonthDay,
    /// <summary>A cell of the compliance matrix, tinted by its state as the HTML report tints it: 齐全 … 缺交.</summary>
    StatusComplete,
    StatusLate,
    StatusPartial,
    StatusInvalid,
    StatusMissing,
}

/// <summary>A data-validation rule over a range, with the prompt shown on entry and the message shown on bad input.</summary>
public sealed record InputRule(
    string Range,
    DataValidationValues Type,
    DataValidationOperatorValues? Operator,
    string? Formula1,
    string? Formula2,
    string PromptTitle,
    string Prompt,
    string Error);
