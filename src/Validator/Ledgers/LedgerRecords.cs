using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Records;
using Handbook.Rules;
using Handbook.Validator.Checking;

namespace Handbook.Validator.Ledgers;

/// <summary>Turns the values read from a record into a ledger row: typed where the field is, lists joined as people write them.</summary>
public static class LedgerRecords
{
    public static LedgerRecord From(string source, Form form, RecordValues values)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            if (field.Type != FieldType.Table)
            {
                fields[field.Id] = Cell(FieldValues.Of(field, field.Id, values));
                continue;
            }
            tables[field.Id] = values.FilledRows(field.Id)
                .Select(row => (IReadOnlyDictionary<string, object?>)field.Columns.ToDictionary(c => c.Id,
                    c => Cell(FieldValues.Of(c, ControlKey.Cell(field.Id, row, c.Id), values))))
                .ToList();
        }
        return new LedgerRecord(source, fields, tables);
    }

    private static object? Cell(RuleValue value) => value.Kind switch
    {
        ValueKind.Number => value.Number,
        ValueKind.Date => value.Date,
        ValueKind.Text => value.Text,
        ValueKind.Bool => value.Bool ? "是" : "否",
        ValueKind.List => string.Join("、", value.List),
        _ => null,
    };
}
