using System.Globalization;
using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Office.Sheets;
using Handbook.Tests;
using Handbook.Validator.Checking;
using Handbook.Validator.Commands;
using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>`validator ledger`: a folder of records becomes one form's filled ledger.</summary>
public sealed class LedgerCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private (int Exit, SpreadsheetDocument Workbook) RunLedger()
    {
        var output = Path.Combine(folder.Path, "台账.xlsx");
        var exit = ValidateCommand.Create()
            .Parse(["ledger", Path.Combine(folder.Path, "records"), "--form", "F03", "--out", output,
                "--source", RepositoryPaths.Handbook])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });
        return (exit, SpreadsheetDocument.Open(new MemoryStream(File.ReadAllBytes(output)), false));
    }

    [Fact]
    public void Valid_records_become_rows_with_their_source_and_invalid_ones_are_listed_with_their_findings()
    {
        folder.Write("records/一支部/01.docx", Record("F03", v => v["host"] = "张主持"));
        folder.Write("records/一支部/02.docx", Record("F03", v => v["host"] = "李主持"));
        folder.Write("records/二支部/超员.docx", Record("F03", v => v["present"] = "99"));
        folder.Write("records/二支部/支委会.docx", Record("F02"));

        var (exit, workbook) = RunLedger();
        using var _ = workbook;

        Assert.Equal(ValidateCommand.SomeInvalid, exit);
        var form = Form("F03");
        var main = Rows(workbook, form.Title);
        var header = main[LedgerWorkbook.HeaderRow - 1];
        var host = header.IndexOf("主持人 *");
        var source = header.IndexOf(LedgerWorkbook.SourceLabel);
        Assert.Equal(["张主持", "李主持"], main.Skip(LedgerWorkbook.HeaderRow).Select(r => r[host]));
        Assert.Equal(["一支部/01.docx", "一支部/02.docx"], main.Skip(LedgerWorkbook.HeaderRow).Select(r => r[source].Replace('\\', '/')[^"一支部/01.docx".Length..]));
        var sampleDate = ValueParser.TryDate(SampleValues.Valid(Book, form)["meeting_date"], out var date) ? date : default;
        Assert.Equal(ExcelDate.Serial(sampleDate).ToString(CultureInfo.InvariantCulture), main[LedgerWorkbook.HeaderRow][header.IndexOf("会议日期 *")]);

        var speeches = Rows(workbook, form.Fields.Single(f => f.Type == Handbook.Model.FieldType.Table).Label);
        Assert.All(speeches.Skip(LedgerWorkbook.HeaderRow), r => Assert.Contains(r[0], new[] { "1", "2" }));
        Assert.NotEmpty(speeches.Skip(LedgerWorkbook.HeaderRow));

        var rejected = Rows(workbook, LedgerWorkbook.RejectedSheet).Skip(1).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.EndsWith("超员.docx", r[1], StringComparison.Ordinal));
        Assert.Contains(rejected, r => r[2].Contains("实到人数", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_form_is_refused_and_no_file_is_written()
    {
        var error = new StringWriter();
        var output = Path.Combine(folder.Path, "台账.xlsx");
        var exit = ValidateCommand.Create()
            .Parse(["ledger", folder.Path, "--form", "F99", "--out", output, "--source", RepositoryPaths.Handbook])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.Equal(ValidateCommand.CannotProceed, exit);
        Assert.False(File.Exists(output));
    }

    /// <summary>Every row of a sheet as cell texts (shared and inline strings resolved), by column position.</summary>
    private static List<List<string>> Rows(SpreadsheetDocument workbook, string sheetName)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);
                while (cells.Count < column - 1) cells.Add("");
                cells.Add(cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
            }
            return cells;
        }).ToList();
    }
}
