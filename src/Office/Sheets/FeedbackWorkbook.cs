using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Model;

namespace Handbook.Office.Sheets;

/// <summary>
/// The inspection feedback form (检查调研情况反馈单) as a workbook: one row per deduction found, the item chosen
/// from the handbook's scoring items (its points looked up), the deduction, the corrective action required and
/// its deadline; the total deduction, the score and the grade are formulas.
/// </summary>
public static class FeedbackWorkbook
{
    public const string SheetName = "检查调研情况反馈单";
    public const string ItemsSheet = "评分项目";
    public const int HeaderRow = 5;
    public const int FindingRows = 12;
    public const int DateColumn = 4, ItemColumn = 3, PointsColumn = 4, DeductionColumn = 5;

    private static readonly string[] Headers = ["序号", "发现的问题", "扣分项目", "分值", "扣分", "整改要求", "整改时限"];
    private static readonly double[] Widths = [11, 38, 44, 7, 7, 32, 12];

    /// <summary>Where the totals are, for readers and tests.</summary>
    public sealed record Layout(int InfoRow, int FirstFindingRow, int LastFindingRow, int TotalRow, int ScoreRow, int GradeRow);

    public static (IReadOnlyList<WorksheetSpec> Sheets, Layout Layout) Create(Book book)
    {
        var items = ItemList(book);
        var sheet = new WorksheetSpec(SheetName) { FrozenRows = HeaderRow, PrintTitleRow = HeaderRow, PageHeader = $"{book.Info.Title}（{book.Info.Edition}）" };
        foreach (var width in Widths) sheet.Columns.Add(new Column(width));
        sheet.AddTitle(SheetName, $"{book.Info.Organization}　{book.Info.Title}（{book.Info.Edition}）", Headers.Length);
        var info = sheet.Add(new SheetRow([
            new Cell("被检查单位", CellStyle.TotalLabel), new Cell(null, CellStyle.InputText),
            new Cell("检查日期", CellStyle.TotalLabel), new Cell(null, CellStyle.InputDate), Cell.Empty,
            new Cell("反馈单编号", CellStyle.TotalLabel), new Cell(null, CellStyle.Input)], 22));
        sheet.Merge(info, 4, 5);
        sheet.Validations.Add(new InputRule(CellReference.Of(DateColumn, info), DataValidationValues.Date, DataValidationOperatorValues.GreaterThanOrEqual,
            ExcelDate.Serial(new DateOnly(2000, 1, 1)).ToString(CultureInfo.InvariantCulture), null, "检查日期", "填写现场检查日期，如 2026-03-25", "请填写日期，如 2026-03-25"));
        var people = sheet.Add(new SheetRow([new Cell("检查人员", CellStyle.TotalLabel), new Cell(null, CellStyle.InputText),
            .. Enumerable.Repeat(new Cell(null, CellStyle.InputText), Headers.Length - 2)], 22));
        sheet.Merge(people, 2, Headers.Length);
        sheet.Add(new SheetRow([.. Headers.Select(Cell.Header)], 22));

        var first = sheet.NextRow;
        for (var n = 1; n <= FindingRows; n++) sheet.Add(FindingRow(n, sheet.NextRow, items));
        var last = sheet.NextRow - 1;
        AddFindingRules(sheet, first, last, items);

        // The inspection date says the sheet is in use: until then a blank sheet shows no score and no grade.
        var unfinished = $"{CellReference.Of(DateColumn, info)}=\"\"";
        var totalRow = sheet.Add(new SheetRow([
            new Cell("扣分合计", CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel),
            new Cell(0m, CellStyle.Total, $"SUM({CellReference.ColumnRange(DeductionColumn, first, last)})"),
            Blank(CellStyle.Total), Blank(CellStyle.Total)], 22));
        sheet.Merge(totalRow, 1, 4);
        var scoreRow = sheet.Add(new SheetRow([
            new Cell("检查得分", CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel),
            new Cell("", CellStyle.Total, $"IF({unfinished},\"\",SUM({items.PointsRange})-{CellReference.Of(DeductionColumn, totalRow)})"),
            Blank(CellStyle.Total), Blank(CellStyle.Total)], 22));
        sheet.Merge(scoreRow, 1, 4);
        var score = CellReference.Of(DeductionColumn, scoreRow);
        var gradeRow = sheet.Add(new SheetRow([
            new Cell("等次", CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel), Blank(CellStyle.TotalLabel),
            new Cell(GradeFormula.NotFinished, CellStyle.Total, GradeFormula.UnlessUnfinished(unfinished, book.Info.Grading, score)),
            Blank(CellStyle.Total), Blank(CellStyle.Total)], 22));
        sheet.Merge(gradeRow, 1, 4);
        sheet.Merge(gradeRow, 5, Headers.Length);

        var good = sheet.Add(new SheetRow([new Cell("好的做法", CellStyle.TotalLabel),
            .. Enumerable.Repeat(new Cell(null, CellStyle.InputText), Headers.Length - 1)], 60));
        sheet.Merge(good, 2, Headers.Length);
        sheet.Add((SheetRow?)null);
        sheet.Add(new SheetRow([new Cell("检查组组长（签字）：　　　　　　　　记录人（签字）：　　　　　　　　被检查单位签收人（签字）：　　　　　　　　签收日期：", CellStyle.Default)], 24));
        return ([sheet, items.Sheet], new Layout(info, first, last, totalRow, scoreRow, gradeRow));
    }

    private static Cell Blank(CellStyle style) => new(null, style);

    private static SheetRow FindingRow(int number, int row, ItemTable items)
    {
        var item = CellReference.Of(ItemColumn, row);
        return new SheetRow([
            new Cell(number, CellStyle.BodyCentered),
            Blank(CellStyle.InputText),
            Blank(CellStyle.InputText),
            new Cell("", CellStyle.BodyCentered, $"IF({item}=\"\",\"\",IFERROR(INDEX({items.PointsRange},MATCH({item},{items.NamesRange},0)),\"\"))"),
            Blank(CellStyle.Input),
            Blank(CellStyle.InputText),
            Blank(CellStyle.InputDate),
        ], 30);
    }

    private static void AddFindingRules(WorksheetSpec sheet, int first, int last, ItemTable items)
    {
        string Column(int column) => CellReference.ColumnRange(column, first, last);
        var points = $"${CellReference.Column(PointsColumn)}{first}";
        var deduction = CellReference.Of(DeductionColumn, first);
        sheet.Validations.Add(new InputRule(Column(ItemColumn), DataValidationValues.List, null, items.NamesRange, null,
            "扣分项目", "从手册的评分项目中选择，分值随之带出", "请从下拉列表中选择手册的评分项目"));
        sheet.Validations.Add(new InputRule(Column(DeductionColumn), DataValidationValues.Custom, null,
            $"AND(ISNUMBER({deduction}),{deduction}>=0,OR({points}=\"\",{deduction}<={points}))", null,
            "扣分", "填写扣分分值，不超过该项目的分值", "扣分应为不超过该项目分值的非负数"));
        sheet.Validations.Add(new InputRule(Column(7), DataValidationValues.Date, DataValidationOperatorValues.GreaterThanOrEqual,
            ExcelDate.Serial(new DateOnly(2000, 1, 1)).ToString(CultureInfo.InvariantCulture), null, "整改时限", "填写整改完成期限，如 2026-04-30", "请填写日期，如 2026-04-30"));
    }

    /// <summary>The hidden sheet of scoring items the drop-down list offers, with their points.</summary>
    private sealed record ItemTable(WorksheetSpec Sheet, IReadOnlyList<decimal> Points, string NamesRange, string PointsRange);

    private static ItemTable ItemList(Book book)
    {
        var sheet = new WorksheetSpec(ItemsSheet) { Hidden = true };
        sheet.Columns.Add(new Column(80));
        sheet.Columns.Add(new Column(8));
        sheet.Add(new Cell("评分项目", CellStyle.Default), new Cell("分值", CellStyle.Default));
        var points = new List<decimal>();
        foreach (var (article, item) in book.ScoringItems)
        {
            sheet.Add(new Cell(ScoringSheet.ItemName(article, item), CellStyle.Default), new Cell(item.Points, CellStyle.Default));
            points.Add(item.Points);
        }
        var prefix = CellReference.SheetPrefix(ItemsSheet);
        var lastRow = points.Count + 1;
        return new ItemTable(sheet, points, $"{prefix}$A$2:$A${lastRow}", $"{prefix}$B$2:$B${lastRow}");
    }
}
