using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Model;

namespace Handbook.Office.Sheets;

/// <summary>
/// The self-check scoring sheet (对标自查评分表): every scoring item of the handbook by part, with its points and
/// deduction rule, columns for the self-score, the reason of a deduction and the evidence; the total and the
/// grade are formulas, so they follow what the unit types in.
/// </summary>
public static class ScoringWorkbook
{
    public const string SheetName = "对标自查评分表";

    /// <summary>The header row; item rows start below it.</summary>
    public const int HeaderRow = 4;

    public const int PointsColumn = 4, ScoreColumn = 6, DeductionColumn = 7, ReasonColumn = 8, CheckColumn = 10;

    private static readonly string[] Headers = ["序号", "条目", "评分项目", "分值", "扣分标准", "自评得分", "扣分", "扣分原因", "佐证材料", "提示"];
    private static readonly double[] Widths = [8, 16, 40, 7, 36, 9, 7, 26, 18, 12];

    /// <summary>Where the formulas of the totals are, for readers and tests.</summary>
    public sealed record Layout(int FirstItemRow, int LastItemRow, int TotalRow, int GradeRow, IReadOnlyList<int> ItemRows);

    public static (WorksheetSpec Sheet, Layout Layout) Create(Book book)
    {
        var sheet = new WorksheetSpec(SheetName) { FrozenRows = HeaderRow, PrintTitleRow = HeaderRow, PageHeader = $"{book.Info.Title}（{book.Info.Edition}）" };
        foreach (var width in Widths) sheet.Columns.Add(new Column(width));

        sheet.AddTitle(SheetName, $"{book.Info.Organization}　{book.Info.Title}（{book.Info.Edition}）", Headers.Length);
        sheet.Add(new SheetRow([
            new Cell(book.Info.Vocabulary.Unit, CellStyle.TotalLabel), new Cell(null, CellStyle.InputText), Cell.Empty,
            new Cell("季度", CellStyle.TotalLabel), new Cell(null, CellStyle.Input),
            new Cell("自查日期", CellStyle.TotalLabel), new Cell(null, CellStyle.InputDate), Cell.Empty,
            new Cell("自查负责人", CellStyle.TotalLabel), new Cell(null, CellStyle.Input)], 22));
        sheet.Merges.Add("B3:C3");
        sheet.Merges.Add("G3:H3");
        sheet.Validations.Add(new InputRule("E3", DataValidationValues.List, null, "\"第一季度,第二季度,第三季度,第四季度\"", null,
            "季度", "选择自查的季度", "请从下拉列表中选择季度"));
        sheet.Validations.Add(new InputRule("G3", DataValidationValues.Date, DataValidationOperatorValues.GreaterThanOrEqual,
            ExcelDate.Serial(new DateOnly(2000, 1, 1)).ToString(CultureInfo.InvariantCulture), null, "自查日期", "填写完成自查的日期，如 2026-03-25", "请填写日期，如 2026-03-25"));
        sheet.Add(new SheetRow([.. Headers.Select(Cell.Header)], 22));

        var itemRows = new List<int>();
        var number = 0;
        foreach (var part in book.Parts)
        {
            var items = part.Articles.SelectMany(a => a.Scoring.Select(s => (Article: a, Item: s))).ToList();
            if (items.Count == 0) continue;
            var sectionRow = sheet.Add(new SheetRow([new Cell(part.NumbersItself ? part.Title : $"{ChineseNumber(part.Number)}、{part.Title}", CellStyle.Section),
                .. Enumerable.Repeat(new Cell(null, CellStyle.Section), Headers.Length - 1)]));
            sheet.Merge(sectionRow, 1, Headers.Length);
            foreach (var (article, item) in items)
            {
                var row = sheet.Add(ItemRow(++number, article, item, sheet.NextRow));
                itemRows.Add(row);
                sheet.Validations.Add(new InputRule(CellReference.Of(ScoreColumn, row), DataValidationValues.Decimal,
                    DataValidationOperatorValues.Between, "0", $"${CellReference.Column(PointsColumn)}${row}", "自评得分",
                    "按扣分标准自评，填 0 到该项分值之间的数；有扣分的在“扣分原因”中写明扣分事实", "自评得分应在 0 到该项分值之间"));
            }
        }

        var first = itemRows[0];
        var lastItem = itemRows[^1];
        string Range(int column) => CellReference.ColumnRange(column, first, lastItem);
        var totalPoints = book.ScoringItems.Sum(i => i.Item.Points);
        var totalRow = sheet.Add(new SheetRow([
            new Cell("合计", CellStyle.TotalLabel), new Cell(null, CellStyle.TotalLabel), new Cell(null, CellStyle.TotalLabel),
            new Cell(totalPoints, CellStyle.Total, $"SUM({Range(PointsColumn)})"),
            new Cell("自评总分", CellStyle.TotalLabel),
            new Cell(0m, CellStyle.Total, $"SUM({Range(ScoreColumn)})"),
            new Cell(0m, CellStyle.Total, $"SUM({Range(DeductionColumn)})"),
            new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total)], 22));
        sheet.Merge(totalRow, 1, 3);
        var total = CellReference.Of(ScoreColumn, totalRow);
        var gradeRow = sheet.Add(new SheetRow([
            new Cell("自评等次", CellStyle.TotalLabel), new Cell(null, CellStyle.TotalLabel), new Cell(null, CellStyle.TotalLabel),
            new Cell(GradeFormula.NotFinished, CellStyle.Total,
                GradeFormula.UnlessUnfinished($"COUNT({Range(ScoreColumn)})<COUNT({Range(PointsColumn)})", book.Info.Grading, total)),
            new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total),
            new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total), new Cell(null, CellStyle.Total)], 22));
        sheet.Merge(gradeRow, 1, 3);
        sheet.Merge(gradeRow, 4, Headers.Length);

        sheet.Add((SheetRow?)null);
        var label = "等次标准";
        foreach (var (grade, range) in GradeBands.Ranges(book.Info.Grading))
        {
            sheet.Add(new Cell(label, CellStyle.Default), new Cell(grade, CellStyle.BodyCentered), new Cell(range, CellStyle.Body));
            label = "";
        }
        sheet.Add((SheetRow?)null);
        sheet.Add(new SheetRow([new Cell($"自查负责人（签字）：　　　　　　　　填表人（签字）：　　　　　　　　{book.Info.Vocabulary.Leader}（签字）：　　　　　　　　报送日期：", CellStyle.Default)], 24));
        return (sheet, new Layout(first, lastItem, totalRow, gradeRow, itemRows));
    }

    private static SheetRow ItemRow(int number, Article article, ScoringItem item, int row)
    {
        string At(int column) => CellReference.Of(column, row);
        var (points, score, deduction, reason) = (At(PointsColumn), At(ScoreColumn), At(DeductionColumn), At(ReasonColumn));
        return new SheetRow([
            new Cell(number, CellStyle.BodyCentered),
            new Cell($"{article.Id} {article.Title}", CellStyle.Body),
            new Cell(item.Item, CellStyle.Body),
            new Cell(item.Points, CellStyle.BodyCentered),
            new Cell(item.Deduct, CellStyle.Body),
            new Cell(null, CellStyle.Input),
            new Cell("", CellStyle.BodyCentered, $"IF({score}=\"\",\"\",{points}-{score})"),
            new Cell(null, CellStyle.InputText),
            new Cell(null, CellStyle.InputText),
            new Cell("未评", CellStyle.BodyCentered,
                $"IF({score}=\"\",\"未评\",IF(OR({score}<0,{score}>{points}),\"超出分值\",IF(AND({score}<{points},{reason}=\"\"),\"缺扣分原因\",\"\")))"),
        ]);
    }

    /// <summary>一 to 十 for part numbers (a handbook has a handful of parts).</summary>
    private static string ChineseNumber(int n) => n is >= 1 and <= 10 ? "一二三四五六七八九十"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
}
