namespace Handbook.Rules;

/// <summary>
/// Evaluates a type-checked expression. An empty field makes the result Empty (unknown), so a rule
/// over a field nobody filled in is skipped; `required` reports the missing value instead. Arithmetic out of range
/// (a number too large for decimal, a date past year 9999) is unknown too: the value gets its own range finding.
/// </summary>
public static class RuleEvaluator
{
    public static RuleValue Evaluate(Expression e, IRuleContext context) => e switch
    {
        Literal l => l.Value,
        FieldRef f => context.Field(f.Name),
        Unary u => EvaluateUnary(u, context),
        Binary b => EvaluateBinary(b, context),
        Call c => EvaluateCall(c, context),
        _ => throw new InvalidOperationException(e.GetType().Name),
    };

    private static RuleValue EvaluateUnary(Unary u, IRuleContext context)
    {
        var v = Evaluate(u.Operand, context);
        if (v.IsEmpty) return v;
        return u.Op == "not" ? RuleValue.Of(!v.Bool) : RuleValue.Of(-v.Number);
    }

    private static RuleValue EvaluateBinary(Binary b, IRuleContext context)
    {
        var left = Evaluate(b.Left, context);
        // and/or decide on one side when they can: false and ?, true or ?.
        if (b.Op == "and" && left is { Kind: ValueKind.Bool, Bool: false }) return left;
        if (b.Op == "or" && left is { Kind: ValueKind.Bool, Bool: true }) return left;
        var right = Evaluate(b.Right, context);
        if (b.Op == "and" && right is { Kind: ValueKind.Bool, Bool: false }) return right;
        if (b.Op == "or" && right is { Kind: ValueKind.Bool, Bool: true }) return right;
        if (left.IsEmpty || right.IsEmpty) return RuleValue.Empty;
        try
        {
            return Apply(b.Op, left, right);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return RuleValue.Empty;
        }
    }

    private static RuleValue Apply(string op, RuleValue left, RuleValue right) => op switch
    {
        "and" or "or" => right,
        "=" => RuleValue.Of(Compare(left, right) == 0),
        "!=" => RuleValue.Of(Compare(left, right) != 0),
        "<" => RuleValue.Of(Compare(left, right) < 0),
        "<=" => RuleValue.Of(Compare(left, right) <= 0),
        ">" => RuleValue.Of(Compare(left, right) > 0),
        ">=" => RuleValue.Of(Compare(left, right) >= 0),
        "+" when left.Kind == ValueKind.Date => RuleValue.Of(left.Date.AddDays((int)right.Number)),
        "-" when left.Kind == ValueKind.Date && right.Kind == ValueKind.Date =>
            RuleValue.Of(left.Date.DayNumber - right.Date.DayNumber),
        "-" when left.Kind == ValueKind.Date => RuleValue.Of(left.Date.AddDays(-(int)right.Number)),
        "+" => RuleValue.Of(left.Number + right.Number),
        "-" => RuleValue.Of(left.Number - right.Number),
        "*" => RuleValue.Of(left.Number * right.Number),
        "/" => right.Number == 0 ? RuleValue.Empty : RuleValue.Of(left.Number / right.Number),
        _ => throw new InvalidOperationException(op),
    };

    private static int Compare(RuleValue a, RuleValue b) => a.Kind switch
    {
        ValueKind.Number => a.Number.CompareTo(b.Number),
        ValueKind.Date => a.Date.CompareTo(b.Date),
        ValueKind.Bool => a.Bool.CompareTo(b.Bool),
        ValueKind.List => a.List.SequenceEqual(b.List) ? 0 : 1,
        _ => string.CompareOrdinal(a.Text, b.Text),
    };

    private static RuleValue EvaluateCall(Call c, IRuleContext context)
    {
        switch (c.Name)
        {
            case "today":
                return RuleValue.Of(context.Today);
            case "count":
                return RuleValue.Of(context.RowCount(((FieldRef)c.Args[0]).Name));
            default: // len: of an empty field unknown, like the field itself
                var v = Evaluate(c.Args[0], context);
                return v.Kind switch
                {
                    ValueKind.List when v.List.Length > 0 => RuleValue.Of(v.List.Length),
                    ValueKind.Text when v.Text!.Length > 0 => RuleValue.Of(v.Text.Length),
                    _ => RuleValue.Empty,
                };
        }
    }
}
