using System.Globalization;
using Handbook.Office.Word;
using Handbook.Tests;
using Handbook.Validator.Findings;
using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>A filled self-check scoring sheet (F18, laid out by the scoring layout) checked against the handbook's scoring items.</summary>
public class ScoringSheetTests
{
    private static readonly List<(string Name, decimal Points)> Items =
        [.. Book.ScoringItems.Select(i => (ScoringSheet.ItemName(i.Article, i.Item), i.Item.Points))];

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The downloaded sheet (every item prefilled) scored with full marks, except as the change says.</summary>
    private static FileReport Check(Action<Dictionary<string, string>>? change = null) => Validate(Record("F18", change));

    private static decimal Full => Items.Sum(i => i.Points);

    [Fact]
    public void A_consistent_sheet_has_no_problems_and_reports_its_grade()
    {
        var report = Check();
        Assert.Empty(Codes(report));
        var grade = report.Findings.Single(f => f.Code == "scoring-grade");
        Assert.Equal(FindingSeverity.Info, grade.Severity);
        Assert.Contains($"“{Book.GradeFor(Full)}”", grade.Message, StringComparison.Ordinal);
        Assert.True(report.Valid);
    }

    [Fact]
    public void A_self_score_above_the_items_points_is_an_error()
    {
        var report = Check(v => { v["scores.2.self_score"] = N(Items[1].Points + 1); v["total"] = N(Full + 1); });
        var finding = Assert.Single(report.Findings, f => f.Code == "self-score-out-of-range");
        Assert.Equal("scores.2.self_score", finding.Field);
        Assert.DoesNotContain("scoring-total-mismatch", Codes(report));
    }

    [Fact]
    public void A_deduction_needs_a_reason()
    {
        var deducted = Full - 0.5m;
        var report = Check(v => { v["scores.1.self_score"] = N(Items[0].Points - 0.5m); v["total"] = N(deducted); });
        Assert.Equal("scores.1.reason", Assert.Single(report.Findings, f => f.Code == "deduction-reason-missing").Field);

        var explained = Check(v => { v["scores.1.self_score"] = N(Items[0].Points - 0.5m); v["scores.1.reason"] = "记录不全"; v["total"] = N(deducted); });
        Assert.Empty(Codes(explained));
    }

    [Fact]
    public void The_total_must_be_the_sum_of_the_self_scores()
    {
        var report = Check(v => v["total"] = N(Full - 1));
        Assert.Contains("scoring-total-mismatch", Codes(report));
        Assert.False(report.Valid);
    }

    [Fact]
    public void An_items_points_must_be_the_handbooks()
    {
        var report = Check(v => v["scores.3.points"] = N(Items[2].Points + 5));
        Assert.Equal("scores.3.points", Assert.Single(report.Findings, f => f.Code == "scoring-points-mismatch").Field);
    }

    [Fact]
    public void The_downloadable_sheet_comes_prefilled_with_every_item_and_validates_once_scored()
    {
        var form = Form("F18");
        var blank = FormDocument.Create(Book, form, RepositoryPaths.Templates);
        var values = SampleValues.Valid(Book, form).Where(p => !p.Key.StartsWith("scores.", StringComparison.Ordinal)).ToDictionary();
        for (var i = 0; i < Items.Count; i++)
        {
            var deduct = i % 10 == 0 ? 0.5m : 0;
            values[$"scores.{i + 1}.self_score"] = N(Items[i].Points - deduct);
            if (deduct > 0) values[$"scores.{i + 1}.reason"] = "个别记录缺项";
        }
        var total = Items.Sum(i => i.Points) - Enumerable.Range(0, Items.Count).Count(i => i % 10 == 0) * 0.5m;
        values["total"] = N(total);
        values["grade"] = Book.GradeFor(total)!;

        var report = Validate(FormFiller.Fill(blank, values));

        Assert.Empty(Problems(report).Select(f => $"{f.Code} {f.Field}: {f.Message}"));
        Assert.Contains($"{N(total)} 分", report.Findings.Single(f => f.Code == "scoring-grade").Message, StringComparison.Ordinal);

        var unscored = Validate(FormFiller.Fill(blank, values.Where(p => p.Key != "scores.2.self_score").ToDictionary()));
        Assert.Contains(unscored.Findings, f => f.Code == "required-missing" && f.Field == "scores.2.self_score");
    }
}
