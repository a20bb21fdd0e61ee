using System.Collections.Immutable;
using System.Globalization;

namespace Handbook.Rules;

public enum ValueKind { Empty, Number, Text, Date, Bool, List }

/// <summary>A value during rule evaluation. Empty stands for a field nobody filled in.</summary>
public readonly record struct RuleValue(ValueKind Kind, decimal Number = 0, string? Text = null, DateOnly Date = default,
    bool Bool = false, ImmutableArray<string> List = default)
{
    public static readonly RuleValue Empty = new(ValueKind.Empty);

    public static RuleValue Of(decimal n) => new(ValueKind.Number, Number: n);

    public static RuleValue Of(string s) => new(ValueKind.Text, Text: s);

    public static RuleValue Of(DateOnly d) => new(ValueKind.Date, Date: d);

    public static RuleValue Of(bool b) => new(ValueKind.Bool, Bool: b);

    public static RuleValue Of(IEnumerable<string> items) => new(ValueKind.List, List: items.ToImmutableArray());

    public bool IsEmpty => Kind == ValueKind.Empty;

    public override string ToString() => Kind switch
    {
        ValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ValueKind.Text => Text!,
        ValueKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValueKind.Bool => Bool ? "是" : "否",
        ValueKind.List => string.Join("、", List),
        _ => "",
    };
}
