using Handbook.Loading;
using Handbook.Model;
using Handbook.Rules;

namespace Handbook.Tests;

public class ExpressionTests
{
    private sealed class Values(Dictionary<string, RuleValue> fields, Dictionary<string, int>? rows = null) : IRuleContext
    {
        public RuleValue Field(string id) => fields.GetValueOrDefault(id, RuleValue.Empty);

        public int RowCount(string table) => rows?.GetValueOrDefault(table) ?? 0;

        public DateOnly Today => new(2026, 11, 21);
    }

    private static readonly Values Record = new(new()
    {
        ["expected"] = RuleValue.Of(10),
        ["present"] = RuleValue.Of(9),
        ["meeting_date"] = RuleValue.Of(new DateOnly(2026, 3, 5)),
        ["host"] = RuleValue.Of("张建华"),
        ["absentees"] = RuleValue.Of(["李明", "王芳"]),
        ["online"] = RuleValue.Of(false),
    }, new() { ["attendance"] = 9 });

    private static RuleValue Eval(string text, IRuleContext? context = null) =>
        RuleEvaluator.Evaluate(ExpressionParser.Parse(text), context ?? Record);

    [Theory]
    [InlineData("1 + 2 * 3 = 7")]
    [InlineData("(1 + 2) * 3 = 9")]
    [InlineData("10 - 4 - 3 = 3")]
    [InlineData("12 / 4 / 3 = 1")]
    [InlineData("-2 * 3 = -6")]
    [InlineData("not 1 > 2")]
    [InlineData("1 > 2 or 2 > 1 and 3 > 2")]
    [InlineData("not (1 > 2 or 2 > 3)")]
    [InlineData("present <= expected")]
    [InlineData("present * 2 > expected")]
    [InlineData("present * 5 > expected * 4")]
    [InlineData("expected - present = 1")]
    [InlineData("present != expected")]
    [InlineData("present <> expected")]
    [InlineData("present == 9")]
    [InlineData("host = \"张建华\"")]
    [InlineData("len(host) = 3")]
    [InlineData("len(absentees) = 2")]
    [InlineData("count(attendance) >= present")]
    [InlineData("meeting_date = 2026-03-05")]
    [InlineData("meeting_date + 10 = 2026-03-15")]
    [InlineData("meeting_date - 4 = 2026-03-01")]
    [InlineData("meeting_date - 2026-03-01 = 4")]
    [InlineData("meeting_date <= today()")]
    [InlineData("today() - meeting_date > 200")]
    [InlineData("online = false")]
    [InlineData("1.5 * 2 = 3")]
    public void TrueExpressionsHold(string text)
    {
        var value = Eval(text);
        Assert.Equal(ValueKind.Bool, value.Kind);
        Assert.True(value.Bool, text);
    }

    [Theory]
    [InlineData("1 + 2 * 3 = 9")]
    [InlineData("present > expected")]
    [InlineData("present * 5 > expected * 5")]
    [InlineData("meeting_date > today()")]
    [InlineData("1 > 2 or 2 > 1 and 3 < 2")]
    public void FalseExpressionsFail(string text) => Assert.False(Eval(text).Bool, text);

    [Theory]
    [InlineData("missing > 1")]
    [InlineData("missing + 1 = 2")]
    [InlineData("present / 0 = 1")]
    [InlineData("missing > 1 and 1 < 2")]
    public void EmptyFieldsMakeTheResultUnknown(string text) => Assert.True(Eval(text).IsEmpty, text);

    [Theory]
    [InlineData("1 > 2 and missing > 1", false)]
    [InlineData("missing > 1 and 1 > 2", false)]
    [InlineData("2 > 1 or missing > 1", true)]
    [InlineData("missing > 1 or 2 > 1", true)]
    public void AndOrDecideOnOneSideWhenTheyCan(string text, bool expected)
    {
        var value = Eval(text);
        Assert.Equal((ValueKind.Bool, expected), (value.Kind, value.Bool));
    }

    /// <summary>As docs/FORMAT.md says: a rule naming an empty field is skipped, len() or not.</summary>
    [Theory]
    [InlineData("len(missing)")]
    [InlineData("len(missing) < 5")]
    [InlineData("len(blank) < 5")]
    [InlineData("len(nobody) < 5")]
    public void LengthOfAnEmptyFieldIsUnknown(string text)
    {
        var record = new Values(new() { ["blank"] = RuleValue.Of(""), ["nobody"] = RuleValue.Of(Array.Empty<string>()) });
        Assert.True(Eval(text, record).IsEmpty, text);
    }

    /// <summary>Numbers a unit may type (the largest decimal) make arithmetic overflow: the rule is unknown, not a crash.</summary>
    [Theory]
    [InlineData("present * 2 > expected")]
    [InlineData("present + expected > 0")]
    [InlineData("0 - present - expected < 0")]
    [InlineData("present / 0.5 > 1")]
    [InlineData("meeting_date + present > today()")]
    [InlineData("meeting_date - present < today()")]
    [InlineData("meeting_date + 4000000 > today()")]
    public void ArithmeticOutOfRangeIsUnknown(string text)
    {
        var record = new Values(new()
        {
            ["expected"] = RuleValue.Of(decimal.MaxValue),
            ["present"] = RuleValue.Of(decimal.MaxValue),
            ["meeting_date"] = RuleValue.Of(new DateOnly(2026, 3, 5)),
        });
        Assert.True(Eval(text, record).IsEmpty, text);
    }

    [Fact]
    public void ARuleTooLongToCheckSafelyIsASyntaxError()
    {
        var error = Assert.Throws<RuleException>(() => ExpressionParser.Parse(new string('(', 10_000) + "1" + new string(')', 10_000) + " > 0"));
        Assert.Contains("过长", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldNamesAreListedOnce() =>
        Assert.Equal(["present", "expected"], ExpressionParser.Parse("present <= expected and present > 0").FieldRefs().Select(f => f.Name).Distinct());

    [Theory]
    [InlineData("present <=", 11, "不完整")]
    [InlineData("present @ 1", 9, "@")]
    [InlineData("(present > 1", 13, ")")]
    [InlineData("sum(present) > 1", 1, "未知函数")]
    [InlineData("host = \"abc", 8, "引号")]
    [InlineData("meeting_date > 2026-13-01", 16, "日期")]
    [InlineData("len(host, host) > 1", 1, "参数")]
    [InlineData("present > 1 expected", 13, "expected")]
    [InlineData("and > 1", 1, "and")]
    public void SyntaxErrorsPointAtTheirColumn(string text, int column, string messagePart)
    {
        var error = Assert.Throws<RuleException>(() => ExpressionParser.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTypeError);
    }

    [Theory]
    [InlineData("present <= meeting_date", 9)]
    [InlineData("host > 1", 6)]
    [InlineData("present + 1", 1)]
    [InlineData("not present", 1)]
    [InlineData("count(present) > 1", 1)]
    [InlineData("len(present) > 1", 1)]
    [InlineData("attendance > 1", 1)]
    [InlineData("online and present", 8)]
    public void TypeErrorsAreFoundBeforeAnyRecordIsRead(string text, int column)
    {
        var error = Assert.Throws<RuleException>(() => RuleTypeChecker.Check(ExpressionParser.Parse(text), Form, mustBeBoolean: true));
        Assert.True(error.IsTypeError, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("present <= expected and len(absentees) < expected")]
    [InlineData("meeting_date - 30 <= today() or online")]
    [InlineData("count(attendance) >= 1")]
    public void WellTypedRulesPass(string text) => RuleTypeChecker.Check(ExpressionParser.Parse(text), Form, mustBeBoolean: true);

    private static Form Form { get; } = LoadMinimalForm();

    private static Form LoadMinimalForm()
    {
        using var fixture = new FixtureHandbook();
        return BookLoader.Load(fixture.Root).Book!.FindForm("F01")!;
    }

    [Fact]
    public void ParsedTreeFollowsPrecedence()
    {
        var tree = ExpressionParser.Parse("a or b and not c = 1 + 2 * 3");
        var or = Assert.IsType<Binary>(tree);
        Assert.Equal("or", or.Op);
        var and = Assert.IsType<Binary>(or.Right);
        Assert.Equal("and", and.Op);
        var not = Assert.IsType<Unary>(and.Right);
        var eq = Assert.IsType<Binary>(not.Operand);
        Assert.Equal("=", eq.Op);
        var plus = Assert.IsType<Binary>(eq.Right);
        Assert.Equal(("+", "*"), (plus.Op, Assert.IsType<Binary>(plus.Right).Op));
    }
}
