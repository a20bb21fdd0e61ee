namespace Handbook.Validator.Extraction;

public enum ControlKind { RichText, PlainText, Date, DropDown, Checkbox }

/// <summary>
/// A content control as found in the document: its tag (null when an office suite dropped it), what the
/// user sees in it, and where it sits (table, row, cell; -1 outside tables).
/// </summary>
public sealed record ScannedControl(
    string? Tag,
    string? Alias,
    ControlKind Kind,
    string Text,
    bool ShowingPlaceholder,
    string? DateValue,
    bool? Checked,
    int Table,
    int Row,
    int Cell);

/// <summary>The parts of a document the validator needs: controls in document order, every table's cell texts, paragraphs outside tables.</summary>
public sealed class ScannedDocument
{
    public List<ScannedControl> Controls { get; } = [];

    /// <summary>Tables in document order; each a list of rows, each a list of cell texts.</summary>
    public List<List<List<string>>> Tables { get; } = [];

    /// <summary>Texts of the paragraphs outside tables, in order (for the title and the 表单编号 line).</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>The text of a cell, or null when there is no such cell.</summary>
    public string? CellText(int table, int row, int cell) =>
        table >= 0 && table < Tables.Count && row >= 0 && row < Tables[table].Count && cell >= 0 && cell < Tables[table][row].Count
            ? Tables[table][row][cell]
            : null;
}
