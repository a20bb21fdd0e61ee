using System.Collections.Immutable;

namespace Handbook.Rules;

/// <summary>A parsed rule expression. Column is 1-based within the expression text.</summary>
public abstract record Expression(int Column)
{
    /// <summary>Ids of the fields the expression names, in order of appearance, without repeats.</summary>
    public IEnumerable<FieldRef> FieldRefs() => this switch
    {
        FieldRef f => [f],
        Unary u => u.Operand.FieldRefs(),
        Binary b => b.Left.FieldRefs().Concat(b.Right.FieldRefs()),
        Call c => c.Args.SelectMany(a => a.FieldRefs()),
        _ => [],
    };
}

public sealed record Literal(int Column, RuleValue Value) : Expression(Column);

public sealed record FieldRef(int Column, string Name) : Expression(Column);

public sealed record Unary(int Column, string Op, Expression Operand) : Expression(Column);

public sealed record Binary(int Column, string Op, Expression Left, Expression Right) : Expression(Column);

public sealed record Call(int Column, string Name, ImmutableArray<Expression> Args) : Expression(Column);

/// <summary>A syntax or type error in a rule, at a 1-based column of the expression text.</summary>
public sealed class RuleException(string message, int column, bool isTypeError = false) : Exception(message)
{
    public int Column { get; } = column;

    /// <summary>The rule parses but its operands do not fit (e.g. a date compared with a number).</summary>
    public bool IsTypeError { get; } = isTypeError;
}
