namespace Handbook.Validator.Tests;

/// <summary>The rules of a record with numbers too large to calculate with (reported by their range) are unknown, not a crash.</summary>
public class HugeNumberRecordTests
{
    [Fact]
    public void TheLargestDecimalInACountFieldIsARangeFindingAndNoRuleFinding()
    {
        var report = TestHandbook.Validate(TestHandbook.Record("F01", v =>
        {
            v["expected"] = "79228162514264337593543950335";
            v["present"] = "79228162514264337593543950335";
        }));

        Assert.False(report.Valid);
        Assert.Contains(report.Findings, f => f.Field == "expected");
        Assert.DoesNotContain(report.Findings, f => f.Code.StartsWith("rule", StringComparison.Ordinal));
    }
}
