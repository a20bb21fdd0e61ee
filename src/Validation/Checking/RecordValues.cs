using Handbook.Records;

namespace Handbook.Validator.Checking;

/// <summary>
/// The values of one record as the user wrote them, keyed like content-control tags (<see cref="ControlKey"/>:
/// `field`, `field.n` for option n of a choices field given as checkboxes, `field.row.column` for a table
/// cell). Empty values are not stored. Independent of where the values came from (Word, a spreadsheet
/// row, a web form).
/// </summary>
public sealed class RecordValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> conflicts = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets a value; null or blank text means "not filled in". An existing value is kept; a different one for the
    /// same key (a control copied with its tag) is remembered as a conflict, so the record is not read one way silently.
    /// </summary>
    public void Set(string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var value = text.Trim();
        if (!values.TryAdd(key, value) && values[key] != value) conflicts.Add(key);
    }

    /// <summary>The keys given two different values, in order.</summary>
    public IReadOnlyCollection<string> Conflicts => conflicts;

    public string? Get(string key) => values.GetValueOrDefault(key);

    public bool Contains(string key) => values.ContainsKey(key);

    public IReadOnlyDictionary<string, string> All => values;

    /// <summary>The 1-based numbers of the rows of a table field that have at least one value, in order.</summary>
    public IReadOnlyList<int> FilledRows(string table)
    {
        var rows = new SortedSet<int>();
        foreach (var key in values.Keys)
        {
            if (ControlKey.TryParse(key, out var parsed) && parsed.Shape == ControlKeyShape.Cell && parsed.Field.SequenceEqual(table))
                rows.Add(parsed.Row);
        }
        return [.. rows];
    }
}
