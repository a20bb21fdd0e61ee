using Handbook.Model;
using Handbook.Validator.Checking;

namespace Handbook.Validator.Extraction;

/// <summary>
/// What <see cref="FieldMapper"/> looks up in a form, built once per form rather than once per record:
/// the fields by tag and by label, the column labels of its tables, and the keys of its controls in order.
/// </summary>
public sealed class FormLayout
{
    private readonly Dictionary<string, Field> fieldsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> fieldsBySpan;
    private readonly Dictionary<Field, string> helpLabels = new(ReferenceEqualityComparer.Instance);

    public FormLayout(Form form)
    {
        Form = form;
        foreach (var field in form.Fields)
        {
            fieldsById.TryAdd(field.Id, field);
            if (field.Type != FieldType.Table) FieldsByLabel.TryAdd(Label(field.Label), field);
            AddHelp(field);
            foreach (var column in field.Columns) AddHelp(column);
        }
        fieldsBySpan = fieldsById.GetAlternateLookup<ReadOnlySpan<char>>();
        Tables = [.. form.Fields.Where(f => f.Type == FieldType.Table)
            .Select(f => new TableLayout(f))];
        ExpectedKeys = [.. form.Fields.SelectMany(KeysOf)];
    }

    public Form Form { get; }

    /// <summary>The form's fields other than tables, by their label as compared (<see cref="Label"/>).</summary>
    public Dictionary<string, Field> FieldsByLabel { get; } = new(StringComparer.Ordinal);

    /// <summary>The form's table fields in order, each with its columns by label.</summary>
    public IReadOnlyList<TableLayout> Tables { get; }

    /// <summary>The keys of the form's controls in document order, as the default layout writes them.</summary>
    public IReadOnlyList<string> ExpectedKeys { get; }

    /// <summary>
    /// The field a key names: a field, an option of a choices field (`f.n`), or a table column (`f.row.column`).
    /// </summary>
    public Field? FieldFor(string key)
    {
        var first = key.IndexOf('.');
        if (first < 0) return fieldsById.GetValueOrDefault(key) is { Type: not FieldType.Table } plain ? plain : null;
        if (!fieldsBySpan.TryGetValue(key.AsSpan(0, first), out var field)) return null;
        var rest = key.AsSpan(first + 1);
        var second = rest.IndexOf('.');
        if (second < 0)
            return field.Type == FieldType.Choices && int.TryParse(rest, out var n) && n >= 1 && n <= field.Options.Length ? field : null;
        var column = rest[(second + 1)..];
        if (field.Type != FieldType.Table || column.Contains('.') || !int.TryParse(rest[..second], out var row) || row < 1) return null;
        foreach (var c in field.Columns)
            if (column.SequenceEqual(c.Id)) return c;
        return null;
    }

    /// <summary>Whether text equals the field's help: the placeholder left in place (its flag lost on the way).</summary>
    public bool IsHelp(Field field, string text) =>
        helpLabels.TryGetValue(field, out var help)
        // Comparing drops characters and never adds any: shorter text cannot be the help.
        && text.Length >= help.Length && Label(text) == help;

    /// <summary>A label as compared: no spaces, no required-marks or trailing colon.</summary>
    public static string Label(string text) => ValueParser.Normalize(text).Trim('*', '＊', '：', ':');

    private void AddHelp(Field field)
    {
        if (field.Help is { } help) helpLabels.TryAdd(field, Label(help));
    }

    private static IEnumerable<string> KeysOf(Field field) => field.Type switch
    {
        FieldType.Table => Enumerable.Range(1, field.Rows).SelectMany(row => field.Columns.Select(c => $"{field.Id}.{row}.{c.Id}")),
        FieldType.Choices => field.Options.Select((_, n) => $"{field.Id}.{n + 1}"),
        _ => [field.Id],
    };
}

/// <summary>A table field of a form with its columns by label as compared (the first of columns labelled alike).</summary>
public sealed class TableLayout
{
    public TableLayout(Field field)
    {
        Field = field;
        foreach (var column in field.Columns) ColumnsByLabel.TryAdd(FormLayout.Label(column.Label), column);
    }

    public Field Field { get; }

    public Dictionary<string, Field> ColumnsByLabel { get; } = new(StringComparer.Ordinal);
}
