using Handbook.Model;
using Handbook.Records;
using Handbook.Validator.Checking;

namespace Handbook.Validator.Extraction;

/// <summary>
/// What <see cref="FieldMapper"/> looks up in a form, built once per form rather than once per record:
/// the fields by key and by label, the column labels of its tables, and the keys of its controls in order.
/// </summary>
public sealed class FormIndex
{
    private readonly Dictionary<string, Field> fieldsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> fieldsBySpan;

    public FormIndex(Form form)
    {
        Form = form;
        foreach (var field in form.Fields)
        {
            fieldsById.TryAdd(field.Id, field);
            if (field.Type != FieldType.Table) FieldsByLabel.TryAdd(Label(field.Label), field);
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

    /// <summary>The field a <see cref="ControlKey"/> names: a field, an option of a choices field, or a table column.</summary>
    public Field? FieldFor(ControlKey key)
    {
        if (!fieldsBySpan.TryGetValue(key.Field, out var field)) return null;
        switch (key.Shape)
        {
            case ControlKeyShape.Field:
                return field.Type != FieldType.Table ? field : null;
            case ControlKeyShape.Option:
                return field.Type == FieldType.Choices && key.Number <= field.Options.Length ? field : null;
            default:
                if (field.Type != FieldType.Table) return null;
                foreach (var c in field.Columns)
                    if (key.Column.SequenceEqual(c.Id)) return c;
                return null;
        }
    }

    /// <summary>A label as compared: no spaces, no required-marks or trailing colon.</summary>
    public static string Label(string text) => ValueParser.Normalize(text).Trim('*', '＊', '：', ':');

    private static IEnumerable<string> KeysOf(Field field) => field.Type switch
    {
        FieldType.Table => Enumerable.Range(1, field.Rows).SelectMany(row => field.Columns.Select(c => ControlKey.Cell(field.Id, row, c.Id))),
        FieldType.Choices => field.Options.Select((_, n) => ControlKey.Option(field.Id, n + 1)),
        FieldType.Text or FieldType.Textarea or FieldType.Date or FieldType.Integer or FieldType.Number or FieldType.Choice
            or FieldType.Checkbox or FieldType.Person or FieldType.People => [field.Id],
    };
}

/// <summary>A table field of a form with its columns by label as compared (the first of columns labelled alike).</summary>
public sealed class TableLayout
{
    public TableLayout(Field field)
    {
        Field = field;
        foreach (var column in field.Columns) ColumnsByLabel.TryAdd(FormIndex.Label(column.Label), column);
    }

    public Field Field { get; }

    public Dictionary<string, Field> ColumnsByLabel { get; } = new(StringComparer.Ordinal);
}
