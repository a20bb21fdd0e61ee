using Handbook.Model;
using Handbook.Rules;

namespace Handbook.Validator.Checking;

/// <summary>A record's values as the rule evaluator sees them.</summary>
public sealed class RecordRuleContext(Form form, RecordValues values, DateOnly today) : IRuleContext
{
    public DateOnly Today => today;

    public RuleValue Field(string id) =>
        form.FindField(id) is { } field ? FieldValues.Of(field, id, values) : RuleValue.Empty;

    public int RowCount(string table) => values.FilledRows(table).Count;
}
