using System.Globalization;
using Handbook.Model;
using Handbook.Records;
using Handbook.Validator.Findings;
using static Handbook.ScoringSheet;

namespace Handbook.Validator.Checking;

/// <summary>
/// Checks a filled self-check scoring sheet against the handbook's scoring items: each self-score between 0
/// and the item's points, a reason for every deduction, the total the sum of the self-scores; and reports
/// the grade that total earns. Values the field checks already reject (missing, not a number) are left to them.
/// </summary>
public sealed class ScoringSheetChecker(Book book)
{
    private readonly Dictionary<string, ScoringItem> items = Index(book);

    public List<Finding> Check(Form form, RecordValues values)
    {
        var findings = new List<Finding>();
        var table = form.FindField(Table)!;
        var label = (int row, string column) => ControlAlias.Cell(table.Label, row, table.Columns.Single(c => c.Id == column).Label);
        decimal sum = 0;
        foreach (var row in values.FilledRows(Table))
        {
            string Key(string column) => ControlKey.Cell(Table, row, column);
            var name = values.Get(Key(Item));
            var known = name is not null && items.TryGetValue(name, out var item) ? item : null;
            var written = Number(values.Get(Key(Points)));
            if (known is not null && written is not null && written != known.Points)
                findings.Add(Finding.Error(Codes.ScoringPointsMismatch,
                    $"第 {row} 行“{name}”的分值应为 {Text(known.Points)} 分，填写的是 {Text(written.Value)} 分",
                    Key(Points), label(row, Points)));
            if (Number(values.Get(Key(SelfScore))) is not { } score) continue;
            sum += score;
            if ((known?.Points ?? written) is not { } points) continue;
            if (score < 0 || score > points)
                findings.Add(Finding.Error(Codes.SelfScoreOutOfRange,
                    $"第 {row} 行的自评得分 {Text(score)} 分超出 0 至 {Text(points)} 分（该项分值）",
                    Key(SelfScore), label(row, SelfScore)));
            else if (score < points && values.Get(Key(Reason)) is null)
                findings.Add(Finding.Error(Codes.DeductionReasonMissing,
                    $"第 {row} 行扣了 {Text(points - score)} 分，未写明扣分原因",
                    Key(Reason), label(row, Reason)));
        }

        var totalField = form.FindField(Total);
        if (totalField is not null && Number(values.Get(Total)) is { } total && total != sum)
            findings.Add(Finding.Error(Codes.ScoringTotalMismatch,
                $"自评总分填写为 {Text(total)} 分，各项自评得分之和为 {Text(sum)} 分", Total, totalField.Label));
        var grade = book.GradeFor(sum);
        if (grade is not null)
        {
            var full = book.ScoringItems.Sum(i => i.Item.Points);
            findings.Add(Finding.Info(Codes.ScoringGrade,
                $"按各项自评得分之和 {Text(sum)} 分（满分 {Text(full)} 分），自评等次为“{grade}”", Grade, form.FindField(Grade)?.Label));
        }
        return findings;
    }

    /// <summary>Items by the name the sheets give them (“R03 …”), and by their bare text when that is unique.</summary>
    private static Dictionary<string, ScoringItem> Index(Book book)
    {
        var index = new Dictionary<string, ScoringItem>(StringComparer.Ordinal);
        foreach (var (article, item) in book.ScoringItems)
            index.TryAdd(ItemName(article, item), item);
        foreach (var group in book.ScoringItems.GroupBy(i => i.Item.Item).Where(g => g.Count() == 1))
            index.TryAdd(group.Key, group.Single().Item);
        return index;
    }

    private static decimal? Number(string? text) => text is not null && ValueParser.TryNumber(text, false, out var n) ? n : null;

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
