using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Office.Sheets;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Handbook.Tests.Word;

namespace Handbook.Tests.Sheets;

/// <summary>
/// Every generated workbook, and a scoring sheet filled in as a unit would, converted by LibreOffice in one run.
/// Formula results are removed before the conversion, so what comes back is LibreOffice's own calculation.
/// </summary>
public sealed class LibreOfficeRoundTrip : IDisposable
{
    public LibreOfficeRoundTrip()
    {
        Directory.CreateDirectory(Input);
        Directory.CreateDirectory(Output);
        var book = TestRepository.Book;
        foreach (var form in book.Forms)
            Ledgers[form.Id] = Save($"ledger-{form.Id}", WorkbookWriter(LedgerWorkbook.Template(book.Info, form)));

        var (sheet, layout) = ScoringWorkbook.Create(book);
        Layout = layout;
        Scoring = WorkbookWriter([sheet]);
        var filled = Fill(Scoring, layout, Scores);
        Save("scoring", WithoutFormulaResults(Scoring));
        Save("scoring-filled", WithoutFormulaResults(filled));

        var (feedbackSheets, feedbackLayout) = FeedbackWorkbook.Create(book);
        FeedbackLayout = feedbackLayout;
        Feedback = WorkbookWriter(feedbackSheets);
        Save("feedback", WithoutFormulaResults(Feedback));
        Save("feedback-filled", WithoutFormulaResults(FillFindings(Feedback, feedbackLayout)));
        Save("reminders", WorkbookWriter([ReminderWorkbook.Create(book, 2027, Handbook.Schedule.ReminderCalendar.For(book, 2027))]));
        Converted = LibreOffice.Convert([.. Directory.EnumerateFiles(Input)], "xlsx", Output);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sheets-lo-" + Guid.NewGuid().ToString("N"));

    private string Input => Path.Combine(Folder, "in");

    private string Output => Path.Combine(Folder, "out");

    public Dictionary<string, string> Ledgers { get; } = [];

    public ScoringWorkbook.Layout Layout { get; }

    /// <summary>The scoring workbook as written, with our cached formula results.</summary>
    public byte[] Scoring { get; }

    public IReadOnlyDictionary<string, string> Converted { get; }

    public FeedbackWorkbook.Layout FeedbackLayout { get; }

    public byte[] Feedback { get; }

    /// <summary>An inspector's findings: a deduction against the first, fifth and last scoring items.</summary>
    public static IReadOnlyList<(int Item, decimal Deduction)> Findings { get; } =
        [(0, 0.5m), (4, 1m), (TestRepository.Book.ScoringItems.Count() - 1, 0.25m)];

    public Workbook Open(string name) => new(File.ReadAllBytes(Converted[Path.Combine(Input, name + ".xlsx")]));

    /// <summary>A unit's self-scores: full marks mostly, half a point off every fourth item with a reason, and the
    /// third item marked down without one.</summary>
    public static decimal Score(int index, decimal points) => index % 4 == 1 || index == 2 ? points - 0.5m : points;

    private static IReadOnlyList<decimal> Scores => TestRepository.Book.ScoringItems.Select((s, i) => Score(i, s.Item.Points)).ToList();

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(Input, name + ".xlsx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] WorkbookWriter(IReadOnlyList<Handbook.Office.Sheets.WorksheetSpec> sheets)
    {
        using var stream = new MemoryStream();
        Handbook.Office.Sheets.WorkbookWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    private static byte[] Edit(byte[] bytes, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true)) edit(document);
        return stream.ToArray();
    }

    private static byte[] Fill(byte[] bytes, ScoringWorkbook.Layout layout, IReadOnlyList<decimal> scores) => Edit(bytes, document =>
    {
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var points = TestRepository.Book.ScoringItems.Select(s => s.Item.Points).ToList();
        for (var i = 0; i < scores.Count; i++)
        {
            var row = layout.ItemRows[i];
            cells[CellReference.Of(ScoringWorkbook.ScoreColumn, row)].CellValue = new CellValue(scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (scores[i] < points[i] && i != 2)
            {
                var reason = cells[CellReference.Of(ScoringWorkbook.ReasonColumn, row)];
                reason.DataType = CellValues.InlineString;
                reason.InlineString = new InlineString(new Text("记录不全"));
            }
        }
    });

    private static byte[] FillFindings(byte[] bytes, FeedbackWorkbook.Layout layout) => Edit(bytes, document =>
    {
        var sheet = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == FeedbackWorkbook.SheetName);
        var cells = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var items = TestRepository.Book.ScoringItems.ToList();
        cells[CellReference.Of(FeedbackWorkbook.DateColumn, layout.InfoRow)].CellValue =
            new CellValue(ExcelDate.Serial(new DateOnly(2026, 3, 25)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Findings.Count; i++)
        {
            var row = layout.FirstFindingRow + i;
            var item = cells[CellReference.Of(FeedbackWorkbook.ItemColumn, row)];
            item.DataType = CellValues.InlineString;
            item.InlineString = new InlineString(new Text(ScoringSheet.ItemName(items[Findings[i].Item].Article, items[Findings[i].Item].Item)));
            cells[CellReference.Of(FeedbackWorkbook.DeductionColumn, row)].CellValue =
                new CellValue(Findings[i].Deduction.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    });

    private static byte[] WithoutFormulaResults(byte[] bytes) => Edit(bytes, document =>
    {
        foreach (var part in document.WorkbookPart!.WorksheetParts)
            foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellFormula is not null).ToList())
            {
                cell.CellValue?.Remove();
                cell.DataType = null;
            }
    });

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class LibreOfficeRecalculationTests(LibreOfficeRoundTrip roundTrip) : IClassFixture<LibreOfficeRoundTrip>
{
    private const string Name = ScoringWorkbook.SheetName;

    [Fact]
    public void LibreOfficeCalculatesTheTemplateToTheValuesWeCached() => AssertSameResults(roundTrip.Scoring, "scoring", Name);

    private void AssertSameResults(byte[] written, string converted, string sheet)
    {
        using var ours = new Workbook(written);
        using var theirs = roundTrip.Open(converted);
        var formulas = ours.Sheet(sheet).Descendants<Cell>().Where(c => c.CellFormula is not null).Select(c => c.CellReference!.Value!).ToList();
        Assert.NotEmpty(formulas);
        foreach (var reference in formulas)
            Assert.True(Same(ours.Text(sheet, reference), theirs.Text(sheet, reference)),
                $"{reference}: we cached “{ours.Text(sheet, reference)}”, LibreOffice calculated “{theirs.Text(sheet, reference)}”");
    }

    [Fact]
    public void LibreOfficeCalculatesTheTotalGradeAndHintsOfAFilledSheet()
    {
        using var sheet = roundTrip.Open("scoring-filled");
        var items = TestRepository.Book.ScoringItems.ToList();
        var scores = items.Select((s, i) => LibreOfficeRoundTrip.Score(i, s.Item.Points)).ToList();
        var layout = roundTrip.Layout;
        Assert.Equal(scores.Sum(), sheet.Number(Name, $"F{layout.TotalRow}"));
        Assert.Equal(items.Sum(s => s.Item.Points) - scores.Sum(), sheet.Number(Name, $"G{layout.TotalRow}"));
        Assert.Equal(TestRepository.Book.GradeFor(scores.Sum()), sheet.Text(Name, $"D{layout.GradeRow}"));
        Assert.Equal("缺扣分原因", sheet.Text(Name, $"J{layout.ItemRows[2]}"));
        Assert.Equal("", sheet.Text(Name, $"J{layout.ItemRows[1]}"));
        Assert.Equal(0.5m, sheet.Number(Name, $"G{layout.ItemRows[1]}"));
    }

    [Fact]
    public void LibreOfficeCalculatesTheFeedbackTemplateToTheValuesWeCached() =>
        AssertSameResults(roundTrip.Feedback, "feedback", FeedbackWorkbook.SheetName);

    [Fact]
    public void LibreOfficeLooksUpThePointsOfEachFindingAndTotalsTheDeductions()
    {
        using var sheet = roundTrip.Open("feedback-filled");
        const string name = FeedbackWorkbook.SheetName;
        var items = TestRepository.Book.ScoringItems.ToList();
        var layout = roundTrip.FeedbackLayout;
        var findings = LibreOfficeRoundTrip.Findings;
        for (var i = 0; i < findings.Count; i++)
            Assert.Equal(items[findings[i].Item].Item.Points, sheet.Number(name, CellReference.Of(FeedbackWorkbook.PointsColumn, layout.FirstFindingRow + i)));
        Assert.Equal("", sheet.Text(name, CellReference.Of(FeedbackWorkbook.PointsColumn, layout.FirstFindingRow + findings.Count)));
        var deducted = findings.Sum(f => f.Deduction);
        Assert.Equal(deducted, sheet.Number(name, CellReference.Of(FeedbackWorkbook.DeductionColumn, layout.TotalRow)));
        var score = items.Sum(i => i.Item.Points) - deducted;
        Assert.Equal(score, sheet.Number(name, CellReference.Of(FeedbackWorkbook.DeductionColumn, layout.ScoreRow)));
        Assert.Equal(TestRepository.Book.GradeFor(score), sheet.Text(name, CellReference.Of(FeedbackWorkbook.DeductionColumn, layout.GradeRow)));
    }

    [Fact]
    public void LibreOfficeOpensEveryLedgerAndKeepsItsValidation()
    {
        foreach (var (form, path) in roundTrip.Ledgers)
        {
            using var ours = new Workbook(File.ReadAllBytes(path));
            using var theirs = new Workbook(File.ReadAllBytes(roundTrip.Converted[path]));
            Assert.Equal(ours.SheetNames, theirs.SheetNames);
            foreach (var name in ours.SheetNames.Where(n => n != LedgerWorkbook.OptionsSheet))
            {
                Assert.Equal(ours.Text(name, "A1"), theirs.Text(name, "A1"));
                Assert.True(theirs.Validations(name).Count >= ours.Validations(name).Count(v => v.Type?.Value != DataValidationValues.None),
                    $"{form} {name}: LibreOffice lost data validation");
            }
        }
    }

    [Fact]
    public void LibreOfficeOpensTheReminderTableWithEveryRowAndItsDates()
    {
        var name = ReminderWorkbook.Title(2027);
        using var ours = new Workbook(File.ReadAllBytes(roundTrip.Converted.Keys.Single(k => k.EndsWith("reminders.xlsx", StringComparison.Ordinal))));
        using var theirs = roundTrip.Open("reminders");
        var rows = ours.Sheet(name).Descendants<Row>().Count();
        Assert.Equal(rows, theirs.Sheet(name).Descendants<Row>().Count());
        for (var row = ReminderWorkbook.HeaderRow; row <= rows; row++)
            Assert.Equal(ours.Row(name, row, 6), theirs.Row(name, row, 6));
    }

    private static bool Same(string a, string b) =>
        a == b || decimal.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var x)
               && decimal.TryParse(b, System.Globalization.CultureInfo.InvariantCulture, out var y) && x == y;
}
