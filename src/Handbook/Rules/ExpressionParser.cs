using System.Collections.Immutable;
using System.Globalization;

namespace Handbook.Rules;

/// <summary>
/// Parses rule expressions: field ids, numbers, "strings", dates (2026-03-05), + - * /,
/// = != &lt; &lt;= &gt; &gt;=, and / or / not, parentheses and the functions len, count and today.
/// Precedence, lowest first: or, and, not, comparison, + -, * /, unary minus.
/// </summary>
public sealed class ExpressionParser
{
    public static readonly ImmutableHashSet<string> Functions = ["len", "count", "today"];

    private static readonly string[] Comparisons = ["<=", ">=", "!=", "==", "<>", "=", "<", ">"];

    /// <summary>
    /// The parser, type checker and evaluator recurse over the expression; a bounded length bounds their depth
    /// (the default handbook's longest rule has about 100).
    /// </summary>
    public const int MaxLength = 500;

    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    /// <exception cref="RuleException">The text is not a valid expression.</exception>
    public static Expression Parse(string text)
    {
        if (text.Length > MaxLength) throw new RuleException($"规则过长：超过 {MaxLength} 个字符，请拆成几条规则", 1);
        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos < text.Length)
            throw parser.Error($"无法识别的内容“{text[parser._pos..]}”");
        return expr;
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or", out var col))
            left = new Binary(col, "or", left, ParseAnd());
        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and", out var col))
            left = new Binary(col, "and", left, ParseNot());
        return left;
    }

    private Expression ParseNot() =>
        TryKeyword("not", out var col) ? new Unary(col, "not", ParseNot()) : ParseComparison();

    private Expression ParseComparison()
    {
        var left = ParseAdditive();
        SkipSpace();
        foreach (var op in Comparisons)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0) continue;
            var col = _pos + 1;
            _pos += op.Length;
            var normalized = op switch { "==" => "=", "<>" => "!=", _ => op };
            return new Binary(col, normalized, left, ParseAdditive());
        }
        return left;
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (TryOperator("+-", out var op, out var col))
            left = new Binary(col, op, left, ParseMultiplicative());
        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (TryOperator("*/", out var op, out var col))
            left = new Binary(col, op, left, ParseUnary());
        return left;
    }

    private Expression ParseUnary() =>
        TryOperator("-", out _, out var col) ? new Unary(col, "-", ParseUnary()) : ParsePrimary();

    private Expression ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw Error("表达式不完整");
        var c = _text[_pos];
        var col = _pos + 1;
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }
        if (c is '"' or '\'' or '“') return ParseString(c == '“' ? '”' : c);
        if (char.IsAsciiDigit(c)) return ParseNumberOrDate();
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var name = ReadIdentifier();
            if (name is "and" or "or" or "not") throw Error($"“{name}”前缺少运算对象", col);
            if (name is "true" or "false") return new Literal(col, RuleValue.Of(name == "true"));
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(')
                return ParseCall(name, col);
            return new FieldRef(col, name);
        }
        throw Error($"无法识别的字符“{c}”");
    }

    private Call ParseCall(string name, int col)
    {
        if (!Functions.Contains(name))
            throw Error($"未知函数“{name}”，可用的函数有 len、count、today", col);
        _pos++; // '('
        var args = ImmutableArray.CreateBuilder<Expression>();
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == ')') _pos++;
        else
        {
            do args.Add(ParseOr());
            while (TryOperator(",", out _, out _));
            Expect(')');
        }
        var expected = name == "today" ? 0 : 1;
        if (args.Count != expected)
            throw Error($"函数 {name}() 需要 {expected} 个参数，实际给了 {args.Count} 个", col);
        return new Call(col, name, args.ToImmutable());
    }

    private Literal ParseString(char close)
    {
        var col = _pos + 1;
        var end = _text.IndexOf(close, _pos + 1);
        if (end < 0) throw Error("字符串缺少结束引号", col);
        var value = _text[(_pos + 1)..end];
        _pos = end + 1;
        return new Literal(col, RuleValue.Of(value));
    }

    private Literal ParseNumberOrDate()
    {
        var col = _pos + 1;
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
        // A date is digits-digits-digits with no spaces: 2026-03-05.
        if (_pos - start == 4 && _pos < _text.Length && _text[_pos] == '-')
        {
            var end = _pos;
            while (end < _text.Length && (char.IsAsciiDigit(_text[end]) || _text[end] == '-')) end++;
            var token = _text[start..end];
            if (!DateOnly.TryParseExact(token, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Error($"日期“{token}”无效，应写成 2026-03-05 的形式", col);
            _pos = end;
            return new Literal(col, RuleValue.Of(date));
        }
        var number = _text[start.._pos];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            throw Error($"数字“{number}”无效", col);
        return new Literal(col, RuleValue.Of(n));
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        return _text[start.._pos];
    }

    private bool TryKeyword(string keyword, out int column)
    {
        SkipSpace();
        column = _pos + 1;
        var end = _pos + keyword.Length;
        if (end > _text.Length || string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0) return false;
        if (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_')) return false;
        _pos = end;
        return true;
    }

    private bool TryOperator(string chars, out string op, out int column)
    {
        SkipSpace();
        column = _pos + 1;
        op = "";
        if (_pos >= _text.Length || !chars.Contains(_text[_pos], StringComparison.Ordinal)) return false;
        op = _text[_pos].ToString();
        _pos++;
        return true;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (_pos >= _text.Length || _text[_pos] != c) throw Error($"缺少“{c}”");
        _pos++;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private RuleException Error(string message, int? column = null) => new(message, column ?? _pos + 1);
}
