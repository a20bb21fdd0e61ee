using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Handbook.Office.Sheets;
using Handbook.Tests.Word;

namespace Handbook.Tests.Sheets;

public sealed class ScoringWorkbookTests
{
    private const string Name = ScoringWorkbook.SheetName;

    private static (Workbook Book, ScoringWorkbook.Layout Layout) Create()
    {
        var (sheet, layout) = ScoringWorkbook.Create(TestRepository.Book);
        return (Workbook.Write([sheet]), layout);
    }

    [Fact]
    public void ListsEveryScoringItemOnceWithItsPointsAndDeductionRule()
    {
        var (book, layout) = Create();
        using var _ = book;
        var items = TestRepository.Book.ScoringItems.ToList();
        Assert.Equal(items.Count, layout.ItemRows.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var row = layout.ItemRows[i];
            Assert.Equal($"{items[i].Article.Id} {items[i].Article.Title}", book.Text(Name, $"B{row}"));
            Assert.Equal(items[i].Item.Item, book.Text(Name, $"C{row}"));
            Assert.Equal(items[i].Item.Points, book.Number(Name, $"D{row}"));
            Assert.Equal(items[i].Item.Deduct, book.Text(Name, $"E{row}"));
        }
    }

    [Fact]
    public void TotalsAndGradeAreFormulasOverAllItemRows()
    {
        var (book, layout) = Create();
        using var _ = book;
        Assert.Equal($"SUM(D{layout.FirstItemRow}:D{layout.LastItemRow})", book.Formula(Name, $"D{layout.TotalRow}"));
        Assert.Equal($"SUM(F{layout.FirstItemRow}:F{layout.LastItemRow})", book.Formula(Name, $"F{layout.TotalRow}"));
        Assert.Equal(TestRepository.Book.ScoringItems.Sum(i => i.Item.Points), book.Number(Name, $"D{layout.TotalRow}"));
        var grade = book.Formula(Name, $"D{layout.GradeRow}")!;
        foreach (var band in TestRepository.Book.Info.Grading)
            Assert.Contains($"F{layout.TotalRow}>={band.Min}", grade, StringComparison.Ordinal);
        Assert.Equal(GradeFormula.NotFinished, book.Text(Name, $"D{layout.GradeRow}"));
        var row = layout.ItemRows[0];
        Assert.Equal($"IF(F{row}=\"\",\"\",D{row}-F{row})", book.Formula(Name, $"G{row}"));
    }

    [Fact]
    public void EachSelfScoreIsLimitedToItsItemsPoints()
    {
        var (book, layout) = Create();
        using var _ = book;
        foreach (var row in layout.ItemRows)
        {
            var rule = book.ValidationAt(Name, $"F{row}");
            Assert.Equal(DataValidationValues.Decimal, rule.Type!.Value);
            Assert.Equal(DataValidationOperatorValues.Between, rule.Operator!.Value);
            Assert.Equal(("0", $"$D${row}"), (rule.Formula1!.Text, rule.Formula2!.Text));
        }
    }

    [Fact]
    public void HeaderIsFrozenAndRepeatedAndTheSheetPassesSchemaValidation()
    {
        var (book, _) = Create();
        using var __ = book;
        Assert.Equal(ScoringWorkbook.HeaderRow, book.Sheet(Name).Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal($"'{Name}'!$4:$4", book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => e.Description));
    }

    /// <summary>A part's row is numbered 一、二、… unless its title numbers itself (the station's 第一部分 站场管理标准).</summary>
    [Theory]
    [InlineData("handbook", "一、基层党建工作制度")]
    [InlineData("tests/Handbook.Tests/Fixtures/station", "第一部分 站场管理标准")]
    public void EachPartsRowIsNumberedOnce(string handbook, string expected)
    {
        var (sheet, layout) = ScoringWorkbook.Create(TestRepository.Load(Path.Combine(RepositoryPaths.Root, handbook)));
        using var book = Workbook.Write([sheet]);
        Assert.Equal(expected, book.Text(Name, $"A{layout.ItemRows[0] - 1}"));
    }
}
