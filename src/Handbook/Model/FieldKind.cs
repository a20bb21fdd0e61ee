using System.Collections.Immutable;
using Handbook.Loading;
using Handbook.Rules;

namespace Handbook.Model;

/// <summary>
/// What the model knows of a field type: its name in a form's source (the type's name in kebab case, "text",
/// "choices"), the constraint keys it accepts besides the common ones, and the type its value has in a rule.
/// The other layers say the rest of a type in switches over <see cref="FieldType"/> without a default (the compiler
/// flags each one a new type misses): Office (the Word control, the printed blank, the ledger column), Validation (how
/// a value is read, parsed and checked). docs/contributing.md lists them.
/// </summary>
public sealed record FieldKind(FieldType Type, ImmutableArray<string> ConstraintKeys, RuleType RuleType)
{
    public string Name => Spelling<FieldType>.Of(Type);

    public static FieldKind Of(FieldType type) => type switch
    {
        FieldType.Text => new(type, ["min_length", "max_length", "pattern"], RuleType.Text),
        FieldType.Textarea => new(type, ["min_length", "max_length"], RuleType.Text),
        FieldType.Date => new(type, ["min", "max"], RuleType.Date),
        FieldType.Integer => new(type, ["min", "max"], RuleType.Number),
        FieldType.Number => new(type, ["min", "max"], RuleType.Number),
        FieldType.Choice => new(type, ["options"], RuleType.Text),
        FieldType.Choices => new(type, ["options", "min_count", "max_count"], RuleType.List),
        FieldType.Checkbox => new(type, [], RuleType.Bool),
        FieldType.Person => new(type, ["max_length"], RuleType.Text),
        FieldType.People => new(type, ["min_count", "max_count"], RuleType.List),
        FieldType.Table => new(type, ["columns", "min_rows", "rows"], RuleType.Table),
    };

    public static IReadOnlyList<FieldKind> All { get; } = [.. Enum.GetValues<FieldType>().Select(Of)];
}
