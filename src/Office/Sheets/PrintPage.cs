namespace Handbook.Office.Sheets;

/// <summary>
/// The printed page of a workbook: its paper (A4 landscape, A3 for wide sheets) and how much of a sheet fits
/// on one page at the fit-to-width scale the writer sets.
/// </summary>
public static class PrintPage
{
    /// <summary>A paper size: its SpreadsheetML code and its landscape width and height in points.</summary>
    public sealed record PaperSize(uint Code, double Width, double Height);

    public static readonly PaperSize A4 = new(9, 841.9, 595.3);
    public static readonly PaperSize A3 = new(8, 1190.6, 841.9);

    /// <summary>Page margins in inches, as the writer sets them.</summary>
    public const double SideMargin = 0.5, TopMargin = 0.6, BottomMargin = 0.6;

    /// <summary>Total column width above which a workbook prints on A3 (offices print wide ledgers on A3 rather than shrink them).</summary>
    private const double A4LandscapeWidth = 180;

    /// <summary>The height of a row without a height of its own.</summary>
    private const double DefaultRowHeight = 15;

    /// <summary>The paper of a workbook: A3 when any of its visible sheets is too wide for A4.</summary>
    public static PaperSize Paper(IEnumerable<WorksheetSpec> sheets) =>
        sheets.Where(s => !s.Hidden).Any(s => s.Columns.Sum(c => c.Width) > A4LandscapeWidth) ? A3 : A4;

    /// <summary>
    /// The scale, in per cent, at which a sheet's columns fit the paper's width in every office suite: a width unit
    /// is the default font's digit (宋体 11 pt) plus padding, and LibreOffice's substitute font has the widest digit
    /// of them (measured: 9.1 px, where Excel's 宋体 has 8). A sheet printed at this scale rather than fitted to
    /// the width takes the same height everywhere, so rows can be counted to fill a page.
    /// </summary>
    public static int WidthScale(WorksheetSpec sheet, PaperSize paper)
    {
        var width = sheet.Columns.Sum(c => (c.Width * 9.1 + 5) * 0.75);
        var printableWidth = paper.Width - 2 * SideMargin * 72;
        return (int)Math.Floor(Math.Min(1, printableWidth / width) * 100);
    }

    /// <summary>How many more rows of the given height fit on the first page below the rows the sheet has, at its print scale.</summary>
    public static int RowsLeftOnFirstPage(WorksheetSpec sheet, PaperSize paper, double rowHeight)
    {
        var scale = (sheet.PrintScale ?? WidthScale(sheet, paper)) / 100.0;
        var printableHeight = (paper.Height - (TopMargin + BottomMargin) * 72) / scale;
        var used = sheet.Rows.Sum(r => r?.Height ?? DefaultRowHeight);
        return Math.Max(0, (int)Math.Floor((printableHeight - used) / rowHeight) - 1); // one row to spare for rounding
    }
}
