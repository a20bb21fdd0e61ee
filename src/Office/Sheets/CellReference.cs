namespace Handbook.Office.Sheets;

/// <summary>A1-style cell references.</summary>
public static class CellReference
{
    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string Column(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
            letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    public static string Of(int column, int row) => $"{Column(column)}{row}";

    /// <summary>A range within one column, like "C4:C503".</summary>
    public static string ColumnRange(int column, int firstRow, int lastRow) => $"{Of(column, firstRow)}:{Of(column, lastRow)}";

    /// <summary>A sheet name as formulas need it: quoted, with quotes doubled.</summary>
    public static string SheetPrefix(string sheet) => $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!";
}
