using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Validator.Compliance;
using Handbook.Validator.Register;

namespace Handbook.Validator.Tests.Register;

/// <summary>The compliance workbook a reviewer opens: each unit's cell says its state and is tinted as the HTML report tints it.</summary>
public sealed class ComplianceWorkbookTests
{
    private const string Complete = "第一党支部", Invalid = "第二党支部", Missing = "第三党支部";

    [Fact]
    public void Each_cell_of_the_matrix_names_and_is_tinted_by_its_state()
    {
        var roster = new UnitRoster([new Unit(Complete, "党支部"), new Unit(Invalid, "党支部"), new Unit(Missing, "党支部")]);
        RegisteredRecord Meeting(string unit, int month, bool valid) =>
            new($"{unit}-{month}.docx", unit, "F03", "2026.1", new DateOnly(2026, month, 10), valid, valid ? "" : "缺少主持人");
        var report = ComplianceReport.Compute(TestHandbook.Book, ReportPeriod.Parse("2026Q1")!, roster,
            [Meeting(Complete, 1, true), Meeting(Complete, 2, true), Meeting(Complete, 3, true), Meeting(Invalid, 1, false)]);

        using var stream = new MemoryStream();
        WorkbookWriter.Write(stream, ComplianceWriters.Workbook(report));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var part = workbook.WorkbookPart!;
        var sheet = part.WorksheetParts.Select(w => w.Worksheet).First(w => w.Descendants<Row>().Any(r => Text(r).Contains("排名", StringComparison.Ordinal)));
        var rows = sheet.Descendants<Row>().ToList();
        var column = rows.Single(r => Text(r).Contains("排名", StringComparison.Ordinal)).Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .ToList().FindIndex(c => c.InnerText == "F03");
        var fills = part.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ToList();
        var formats = part.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        (string Text, string? Fill) CellOf(string unit)
        {
            var cell = rows.Single(r => Text(r).Contains(unit, StringComparison.Ordinal)).Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(column);
            var fill = fills[(int)formats[(int)cell.StyleIndex!.Value].FillId!.Value].PatternFill?.ForegroundColor?.Rgb?.Value;
            return (cell.InnerText, fill);
        }

        Assert.Equal(("3/3 齐全\n误0 缺0 迟0", "FFD9F2D9"), CellOf(Complete));
        Assert.Equal(("0/3 有误\n误1 缺2 迟0", "FFF7C1C1"), CellOf(Invalid));
        Assert.Equal(("0/3 缺交\n误0 缺3 迟0", "FFE6A0A0"), CellOf(Missing));
    }

    private static string Text(Row row) => string.Concat(row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
}
