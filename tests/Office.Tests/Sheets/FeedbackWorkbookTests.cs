using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Handbook.Office.Sheets;
using Handbook.Tests.Word;

namespace Handbook.Tests.Sheets;

public sealed class FeedbackWorkbookTests
{
    private const string Name = FeedbackWorkbook.SheetName;

    [Fact]
    public void TheItemListOffersEveryScoringItemWithItsPoints()
    {
        var (sheets, layout) = FeedbackWorkbook.Create(TestRepository.Book);
        using var book = Workbook.Write(sheets);
        var list = book.ValidationAt(Name, CellReference.Of(FeedbackWorkbook.ItemColumn, layout.LastFindingRow));
        Assert.Equal(DataValidationValues.List, list.Type!.Value);
        var items = TestRepository.Book.ScoringItems.ToList();
        Assert.Equal($"'{FeedbackWorkbook.ItemsSheet}'!$A$2:$A${items.Count + 1}", list.Formula1!.Text);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(ScoringSheet.ItemName(items[i].Article, items[i].Item), book.Text(FeedbackWorkbook.ItemsSheet, $"A{i + 2}"));
            Assert.Equal(items[i].Item.Points, book.Number(FeedbackWorkbook.ItemsSheet, $"B{i + 2}"));
        }
        Assert.Equal(SheetStateValues.Hidden, book.SheetElements[1].State!.Value);
    }

    [Fact]
    public void DeductionsAreLimitedToTheItemsPointsAndDeadlinesAreDates()
    {
        var (sheets, layout) = FeedbackWorkbook.Create(TestRepository.Book);
        using var book = Workbook.Write(sheets);
        var first = layout.FirstFindingRow;
        var deduction = book.ValidationAt(Name, CellReference.Of(FeedbackWorkbook.DeductionColumn, first));
        Assert.Equal(DataValidationValues.Custom, deduction.Type!.Value);
        Assert.Equal($"AND(ISNUMBER(E{first}),E{first}>=0,OR($D{first}=\"\",E{first}<=$D{first}))", deduction.Formula1!.Text);
        Assert.Equal(DataValidationValues.Date, book.ValidationAt(Name, $"G{layout.LastFindingRow}").Type!.Value);
        Assert.Equal($"SUM(E{first}:E{layout.LastFindingRow})", book.Formula(Name, $"E{layout.TotalRow}"));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => e.Description));
    }

    /// <summary>A blank sheet (no inspection date yet) shows no score and no grade, in a handbook of any total.</summary>
    [Theory]
    [InlineData("handbook")]
    [InlineData("tests/Handbook.Tests/Fixtures/station")]
    public void ABlankSheetShowsNoScoreAndNoGrade(string handbook)
    {
        var (sheets, layout) = FeedbackWorkbook.Create(TestRepository.Load(Path.Combine(RepositoryPaths.Root, handbook)));
        using var book = Workbook.Write(sheets);
        var score = CellReference.Of(FeedbackWorkbook.DeductionColumn, layout.ScoreRow);
        var grade = CellReference.Of(FeedbackWorkbook.DeductionColumn, layout.GradeRow);
        Assert.Equal("", book.Text(Name, score));
        Assert.Equal(GradeFormula.NotFinished, book.Text(Name, grade));
        var date = CellReference.Of(FeedbackWorkbook.DateColumn, layout.InfoRow);
        Assert.StartsWith($"IF({date}=\"\",", book.Formula(Name, score), StringComparison.Ordinal);
        Assert.StartsWith($"IF({date}=\"\",\"{GradeFormula.NotFinished}\",", book.Formula(Name, grade), StringComparison.Ordinal);
    }
}
