using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Office.Sheets;
using SheetElement = DocumentFormat.OpenXml.Spreadsheet.Sheet;

namespace Handbook.Tests.Sheets;

/// <summary>A written workbook opened for assertions: cells, formulas, validation and layout by sheet name.</summary>
public sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument document;

    public Workbook(byte[] bytes)
    {
        Bytes = bytes;
        document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
    }

    public static Workbook Write(IReadOnlyList<Handbook.Office.Sheets.WorksheetSpec> sheets)
    {
        using var stream = new MemoryStream();
        WorkbookWriter.Write(stream, sheets);
        return new Workbook(stream.ToArray());
    }

    public byte[] Bytes { get; }

    public SpreadsheetDocument Document => document;

    public IReadOnlyList<SheetElement> SheetElements => document.WorkbookPart!.Workbook.Sheets!.Elements<SheetElement>().ToList();

    public IReadOnlyList<string> SheetNames => SheetElements.Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = SheetElements.Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart!.GetPartById(sheet.Id!)).Worksheet;
    }

    public DocumentFormat.OpenXml.Spreadsheet.Cell? CellAt(string sheet, string reference) =>
        Sheet(sheet).Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().FirstOrDefault(c => c.CellReference == reference);

    /// <summary>The cell's value as text (the cached value of a formula), "" when empty.</summary>
    public string Text(string sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        if (cell is null) return "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
            return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
                .ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
        return cell.CellValue?.Text ?? "";
    }

    public decimal Number(string sheet, string reference) => decimal.Parse(Text(sheet, reference), System.Globalization.CultureInfo.InvariantCulture);

    public string? Formula(string sheet, string reference) => CellAt(sheet, reference)?.CellFormula?.Text;

    public IReadOnlyList<DataValidation> Validations(string sheet) => Sheet(sheet).Descendants<DataValidation>().ToList();

    /// <summary>The validation that covers the cell.</summary>
    public DataValidation ValidationAt(string sheet, string reference) =>
        Validations(sheet).Single(v => v.SequenceOfReferences!.Items.Any(r => Covers(r.Value!, reference)));

    public double ColumnWidth(string sheet, int column) =>
        Sheet(sheet).Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Single(c => c.Min! <= column && c.Max! >= column).Width!.Value;

    public IReadOnlyList<string> Row(string sheet, int row, int columns) =>
        Enumerable.Range(1, columns).Select(c => Text(sheet, CellReference.Of(c, row))).ToList();

    private static bool Covers(string range, string reference)
    {
        var ends = range.Split(':');
        var (c, r) = Split(reference);
        var (c1, r1) = Split(ends[0]);
        var (c2, r2) = Split(ends.Length > 1 ? ends[1] : ends[0]);
        return c >= c1 && c <= c2 && r >= r1 && r <= r2;
    }

    private static (int Column, int Row) Split(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
        var column = letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        return (column, int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture));
    }

    public void Dispose() => document.Dispose();
}
