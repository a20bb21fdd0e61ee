using System.Text.RegularExpressions;
using Handbook.Model;
using Handbook.Records;
using Handbook.Validator.Checking;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Extraction;

/// <summary>
/// Turns the controls and tables of a scanned record into the form's values. Controls are matched by tag;
/// a control whose tag an office suite dropped is matched by where it sits (the label cell beside it, the
/// column header above it, or its place in the form's field order); a record whose controls were flattened
/// to plain text is read label cell → value cell. Either recovery is reported as a warning.
/// </summary>
public sealed partial class FieldMapper
{
    private readonly ScannedDocument document;
    private readonly FormIndex index;
    private readonly RecordValues values = new();
    private readonly Dictionary<int, (TableLayout Table, int HeaderRow)> tableFields = [];

    [GeneratedRegex(@"([☒☑☐□])\s*([^☒☑☐□]*)")]
    private static partial Regex GlyphOptions();

    private FieldMapper(ScannedDocument document, FormIndex index)
    {
        this.document = document;
        this.index = index;
        MatchTables();
    }

    public static RecordValues Map(ScannedDocument document, FormIndex index, List<Finding> findings)
    {
        var mapper = new FieldMapper(document, index);
        if (document.Controls.Count == 0)
        {
            findings.Add(Finding.Warning(Codes.ControlsLost,
                "文档中的内容控件已被转换为普通文字（可能经其他软件另存），已按表格中的标签读取各项内容，请人工核对"));
            mapper.ReadFlattened();
        }
        else if (mapper.ReadControls() > 0)
        {
            findings.Add(Finding.Warning(Codes.TagsLost,
                "文档中内容控件的标签已丢失（可能经 LibreOffice 或 WPS 另存），已按控件位置和旁边的标签识别各项内容"));
        }
        foreach (var key in mapper.values.Conflicts)
        {
            var label = mapper.Place(key);
            findings.Add(Finding.Error(Codes.DuplicateControl,
                $"“{label}”在文档中出现了不止一处，且内容不同（可能复制了控件或表格行），无法确定以哪一处为准，请删除多余的一处", key, label));
        }
        return mapper.values;
    }

    /// <summary>The label of the place a key names: the field's, or for a cell 表格第n行列.</summary>
    private string Place(string key)
    {
        if (!ControlKey.TryParse(key, out var parsed) || index.FieldFor(parsed) is not { } field) return key;
        return parsed.Shape == ControlKeyShape.Cell && index.Form.FindField(parsed.Field.ToString()) is { } table
            ? ControlAlias.Cell(table.Label, parsed.Row, field.Label)
            : field.Label;
    }

    /// <summary>Reads every control into the values; returns how many had no tag and were matched by position.</summary>
    private int ReadControls()
    {
        var expected = index.ExpectedKeys;
        var positional = document.Controls.Count == expected.Count;
        Dictionary<(int, int, int), int>? perCell = null;
        var untagged = 0;
        for (var i = 0; i < document.Controls.Count; i++)
        {
            var control = document.Controls[i];
            string? key;
            if (control.Tag is { Length: > 0 } tag) key = tag;
            else
            {
                untagged++;
                var place = (control.Table, control.Row, control.Cell);
                perCell ??= [];
                var inCell = perCell[place] = perCell.GetValueOrDefault(place) + 1;
                key = Recover(control, inCell) ?? (positional ? expected[i] : null);
            }
            if (ControlKey.TryParse(key, out var parsed) && index.FieldFor(parsed) is { } field) values.Set(key, ValueOf(control, field, parsed));
        }
        return untagged;
    }

    /// <param name="inCell">1-based position of the control among the untagged controls of its cell (the option of a choices field).</param>
    private string? Recover(ScannedControl control, int inCell)
    {
        if (control.Alias is { } alias)
        {
            var (aliasLabel, option) = ControlAlias.Split(alias);
            if (index.FieldsByLabel.TryGetValue(Label(aliasLabel), out var byAlias))
            {
                if (byAlias.Type != FieldType.Choices) return byAlias.Id;
                if (option is not null && byAlias.Options.IndexOf(option) is var n and >= 0) return ControlKey.Option(byAlias.Id, n + 1);
            }
        }
        if (tableFields.TryGetValue(control.Table, out var table) && control.Row > table.HeaderRow)
            return CellKey(control.Table, control.Row, control.Cell);
        var label = document.CellText(control.Table, control.Row, control.Cell - 1);
        if (label is null || !index.FieldsByLabel.TryGetValue(Label(label), out var field)) return null;
        return field.Type == FieldType.Choices ? ControlKey.Option(field.Id, inCell) : field.Id;
    }

    /// <summary>The key of a cell of a table matched to a table field: its row below the header, its column by the header's label.</summary>
    private string? CellKey(int tableIndex, int row, int cell)
    {
        var table = tableFields[tableIndex];
        var header = document.CellText(tableIndex, table.HeaderRow, cell);
        return header is not null && table.Table.ColumnsByLabel.TryGetValue(Label(header), out var column)
            ? ControlKey.Cell(table.Table.Field.Id, row - table.HeaderRow, column.Id)
            : null;
    }

    private void ReadFlattened()
    {
        for (var t = 0; t < document.Tables.Count; t++)
        {
            var rows = document.Tables[t];
            if (tableFields.TryGetValue(t, out var table))
            {
                for (var r = table.HeaderRow + 1; r < rows.Count; r++)
                    for (var c = 0; c < rows[r].Count; c++)
                        if (CellKey(t, r, c) is { } key) SetFlat(key, rows[r][c]);
                continue;
            }
            foreach (var cells in rows)
            {
                for (var c = 0; c + 1 < cells.Count; c++)
                {
                    if (!index.FieldsByLabel.TryGetValue(Label(cells[c]), out var field)) continue;
                    if (field.Type == FieldType.Choices) SetFlatOptions(field, cells[c + 1]);
                    else SetFlat(field.Id, cells[c + 1]);
                    c++;
                }
            }
        }
    }

    /// <summary>The options of a flattened choices field, from the box glyph before each.</summary>
    private void SetFlatOptions(Field field, string text)
    {
        foreach (Match m in GlyphOptions().Matches(text))
        {
            var n = field.Options.IndexOf(m.Groups[2].Value.Trim());
            if (n >= 0) values.Set(ControlKey.Option(field.Id, n + 1), m.Groups[1].Value is "☒" or "☑" ? "1" : "0");
        }
    }

    /// <summary>The value of a flattened control: its text, unless that is the placeholder; a checkbox by its glyph.</summary>
    private void SetFlat(string key, string text)
    {
        if (!ControlKey.TryParse(key, out var parsed) || index.FieldFor(parsed) is not { } field
            || Placeholder.IsShown(field, parsed.Row, text)) return;
        if (field.Type != FieldType.Checkbox) values.Set(key, text);
        else if (text.Contains('☒', StringComparison.Ordinal) || text.Contains('☑', StringComparison.Ordinal)) values.Set(key, "1");
        else if (text.Contains('☐', StringComparison.Ordinal) || text.Contains('□', StringComparison.Ordinal)) values.Set(key, InTable(parsed) ? null : "0");
        else values.Set(key, text);
    }

    /// <summary>An unchecked box in a table row says nothing: it must not make an empty row count as filled.</summary>
    private static bool InTable(ControlKey key) => key.Shape == ControlKeyShape.Cell;

    private static string? ValueOf(ScannedControl control, Field field, ControlKey key)
    {
        if (control.ShowingPlaceholder) return null;
        if (control.Kind == ControlKind.Checkbox)
            return control.Checked switch { true => "1", false => InTable(key) ? null : "0", null => control.Text };
        // w:fullDate is yyyy-MM-ddT…; anything else is passed on whole, for the type check to report.
        if (control.Kind == ControlKind.Date && control.DateValue is { } date) return date.Length > 10 && date[10] == 'T' ? date[..10] : date;
        return Placeholder.IsShown(field, key.Row, control.Text) ? null : control.Text;
    }

    /// <summary>Pairs the document's tables with the form's table fields by their header rows, in order.</summary>
    private void MatchTables()
    {
        var unmatched = index.Tables.ToList();
        for (var t = 0; t < document.Tables.Count && unmatched.Count > 0; t++)
        {
            var rows = document.Tables[t];
            for (var r = 0; r < Math.Min(rows.Count, 3); r++)
            {
                var header = rows[r].Select(Label).ToHashSet();
                var field = unmatched.FirstOrDefault(f => f.ColumnsByLabel.Keys.All(header.Contains));
                if (field is null) continue;
                tableFields[t] = (field, r);
                unmatched.Remove(field);
                break;
            }
        }
    }

    private static string Label(string text) => FormIndex.Label(text);
}
