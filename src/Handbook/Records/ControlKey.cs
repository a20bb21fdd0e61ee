using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Handbook.Records;

/// <summary>What a control key names: a field, an option of a choices field, or a cell of a table field.</summary>
public enum ControlKeyShape { Field, Option, Cell }

/// <summary>
/// The key of a content control (its w:tag) and of a value in a record: `field` for a field, `field.n` for
/// option n of a choices field (1-based), `table.row.column` for a cell of a table field (row 1-based).
/// The Word writer makes its tags here and the validator reads them here. Parsing keeps spans of the key
/// rather than new strings: the validator parses every control of every record.
/// </summary>
public readonly struct ControlKey
{
    private readonly string text;
    private readonly int firstDot;
    private readonly int secondDot;

    private ControlKey(string text, ControlKeyShape shape, int firstDot, int secondDot, int number)
    {
        this.text = text;
        Shape = shape;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
        Number = number;
    }

    public ControlKeyShape Shape { get; }

    /// <summary>The field's id; for a cell, the table's.</summary>
    public ReadOnlySpan<char> Field => Shape == ControlKeyShape.Field ? text : text.AsSpan(0, firstDot);

    /// <summary>The option's number, or the cell's row; 0 for a field.</summary>
    public int Number { get; }

    /// <summary>The cell's row; 0 unless a cell.</summary>
    public int Row => Shape == ControlKeyShape.Cell ? Number : 0;

    /// <summary>The cell's column id; empty unless a cell.</summary>
    public ReadOnlySpan<char> Column => Shape == ControlKeyShape.Cell ? text.AsSpan(secondDot + 1) : [];

    public static string Option(string field, int number) => string.Create(CultureInfo.InvariantCulture, $"{field}.{number}");

    public static string Cell(string table, int row, string column) => string.Create(CultureInfo.InvariantCulture, $"{table}.{row}.{column}");

    /// <summary>Reads a key; false for anything else (an empty part, a number that is not 1 or more, too many parts).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ControlKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text)) return false;
        var first = text.IndexOf('.', StringComparison.Ordinal);
        if (first < 0)
        {
            key = new ControlKey(text, ControlKeyShape.Field, -1, -1, 0);
            return true;
        }
        var second = text.IndexOf('.', first + 1);
        var numberEnd = second < 0 ? text.Length : second;
        if (first == 0 || !TryNumber(text.AsSpan(first + 1, numberEnd - first - 1), out var number)) return false;
        if (second < 0)
        {
            key = new ControlKey(text, ControlKeyShape.Option, first, -1, number);
            return true;
        }
        if (second == text.Length - 1 || text.IndexOf('.', second + 1) >= 0) return false;
        key = new ControlKey(text, ControlKeyShape.Cell, first, second, number);
        return true;
    }

    public override string ToString() => text ?? "";

    /// <summary>Plain ASCII digits, 1 or more, within an int: no sign, no spaces, no full-width digits.</summary>
    private static bool TryNumber(ReadOnlySpan<char> digits, out int number) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;
}
