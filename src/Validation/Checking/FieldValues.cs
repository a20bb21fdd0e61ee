using Handbook.Model;
using Handbook.Records;
using Handbook.Rules;

namespace Handbook.Validator.Checking;

/// <summary>The typed value of a field in a record, as rules see it; Empty when not filled in or not readable.</summary>
public static class FieldValues
{
    public static RuleValue Of(Field field, string key, RecordValues values)
    {
        if (field.Type == FieldType.Choices)
        {
            var selected = SelectedOptions(field, key, values);
            return selected.Count == 0 ? RuleValue.Empty : RuleValue.Of(selected);
        }
        var text = values.Get(key);
        if (text is null) return RuleValue.Empty;
        return field.Type switch
        {
            FieldType.Integer or FieldType.Number =>
                ValueParser.TryNumber(text, field.Type == FieldType.Integer, out var n) ? RuleValue.Of(n) : RuleValue.Empty,
            FieldType.Date => ValueParser.TryDate(text, out var d) ? RuleValue.Of(d) : RuleValue.Empty,
            FieldType.Checkbox => ValueParser.TryCheckbox(text, out var b) ? RuleValue.Of(b) : RuleValue.Empty,
            FieldType.People => RuleValue.Of(ValueParser.Names(text)),
            FieldType.Text or FieldType.Textarea or FieldType.Choice or FieldType.Person => RuleValue.Of(text),
            // Choices are read above, from their options; a table has no value of its own.
            FieldType.Choices or FieldType.Table => RuleValue.Empty,
        };
    }

    /// <summary>
    /// The options chosen in a choices field: checkboxes `key.n` (n = 1-based option index), or a text
    /// listing them (a spreadsheet cell, a flattened document). Unknown names in the text are kept as
    /// written so that the check can report them.
    /// </summary>
    public static List<string> SelectedOptions(Field field, string key, RecordValues values)
    {
        if (values.Get(key) is { } text) return ValueParser.Names(text);
        var selected = new List<string>();
        for (var i = 0; i < field.Options.Length; i++)
        {
            if (values.Get(ControlKey.Option(key, i + 1)) is { } flag && ValueParser.TryCheckbox(flag, out var on) && on)
                selected.Add(field.Options[i]);
        }
        return selected;
    }
}
