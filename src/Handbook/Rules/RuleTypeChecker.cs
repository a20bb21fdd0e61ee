using Handbook.Model;
using T = Handbook.Rules.RuleType;

namespace Handbook.Rules;

/// <summary>The type of a value in a rule, as the type check sees it.</summary>
public enum RuleType { Number, Text, Date, Bool, List, Table }

/// <summary>
/// Checks a rule against its form before any record is read: every name is a field of the form and
/// every operator gets operands it can work on (no comparing a date with a number).
/// </summary>
public static class RuleTypeChecker
{
    /// <exception cref="RuleException">An unknown field or a type mismatch, at its column.</exception>
    public static void Check(Expression expression, Form form, bool mustBeBoolean)
    {
        var type = TypeOf(expression, form);
        if (mustBeBoolean && type != T.Bool)
            throw new RuleException("规则的结果应是“成立/不成立”的条件，例如 present <= expected", 1, isTypeError: true);
    }

    private static T TypeOf(Expression e, Form form) => e switch
    {
        Literal l => l.Value.Kind switch
        {
            ValueKind.Number => T.Number,
            ValueKind.Date => T.Date,
            ValueKind.Bool => T.Bool,
            _ => T.Text,
        },
        FieldRef f => FieldTypeOf(f, form),
        Unary u => UnaryType(u, form),
        Binary b => BinaryType(b, form),
        Call c => CallType(c, form),
        _ => throw new InvalidOperationException(e.GetType().Name),
    };

    private static T FieldTypeOf(FieldRef f, Form form)
    {
        var field = form.FindField(f.Name)
            ?? throw new RuleException($"表单中没有字段“{f.Name}”", f.Column);
        return FieldKind.Of(field.Type).RuleType;
    }

    private static T UnaryType(Unary u, Form form)
    {
        var operand = Operand(u.Operand, form);
        var expected = u.Op == "not" ? T.Bool : T.Number;
        if (operand != expected)
            throw new RuleException($"“{u.Op}”不能用于{Name(operand)}", u.Column, isTypeError: true);
        return expected;
    }

    private static T BinaryType(Binary b, Form form)
    {
        var left = Operand(b.Left, form);
        var right = Operand(b.Right, form);
        T? result = (b.Op, left, right) switch
        {
            ("and" or "or", T.Bool, T.Bool) => T.Bool,
            ("=" or "!=", _, _) when left == right => T.Bool,
            ("<" or "<=" or ">" or ">=", T.Number, T.Number) => T.Bool,
            ("<" or "<=" or ">" or ">=", T.Date, T.Date) => T.Bool,
            ("+" or "-" or "*" or "/", T.Number, T.Number) => T.Number,
            ("+" or "-", T.Date, T.Number) => T.Date,
            ("-", T.Date, T.Date) => T.Number,
            _ => null,
        };
        return result ?? throw new RuleException($"“{b.Op}”不能用于{Name(left)}和{Name(right)}", b.Column, isTypeError: true);
    }

    private static T CallType(Call c, Form form)
    {
        switch (c.Name)
        {
            case "today":
                return T.Date;
            case "count":
                if (c.Args[0] is not FieldRef f || FieldTypeOf(f, form) != T.Table)
                    throw new RuleException("count() 的参数应是表格字段", c.Column, isTypeError: true);
                return T.Number;
            default: // len
                var arg = Operand(c.Args[0], form);
                if (arg is not (T.Text or T.List))
                    throw new RuleException($"len() 不能用于{Name(arg)}", c.Column, isTypeError: true);
                return T.Number;
        }
    }

    private static T Operand(Expression e, Form form)
    {
        var type = TypeOf(e, form);
        if (type == T.Table)
            throw new RuleException("表格字段只能用在 count() 中", e.Column, isTypeError: true);
        return type;
    }

    private static string Name(T type) => type switch
    {
        T.Number => "数字",
        T.Text => "文字",
        T.Date => "日期",
        T.Bool => "条件",
        T.List => "多项值",
        _ => "表格",
    };
}
