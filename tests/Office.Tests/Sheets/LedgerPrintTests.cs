using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Office.Sheets;
using Handbook.Tests.Word;

namespace Handbook.Tests.Sheets;

/// <summary>An empty ledger printed by LibreOffice: its ruled rows reach the foot of the page (issue 16 item 9).</summary>
public sealed partial class LedgerPrintTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ledger-print-").FullName;

    private const string LastRowMark = "末行";

    [Theory]
    [InlineData("F03")]
    [InlineData("F09")]
    public void The_ruled_rows_of_an_empty_ledger_fill_its_page(string id)
    {
        var book = TestRepository.Book;
        var sheets = LedgerWorkbook.Template(book.Info, book.FindForm(id)!);
        var visible = sheets.Where(s => !s.Hidden).ToList();
        // The last ruled row of each sheet gets a word, so the PDF shows where the rows end.
        foreach (var sheet in visible) sheet.Rows[^1] = new SheetRow([new Cell(LastRowMark)], LedgerWorkbook.RuledRowHeight);
        var path = Path.Combine(dir, $"{id}.xlsx");
        WorkbookWriter.Write(path, sheets);
        var pdf = LibreOffice.Convert([path], "pdf", Path.Combine(dir, "pdf"))[path];
        var text = PdfText(pdf);
        var pages = Page().Matches(text);
        Assert.Equal(visible.Count, pages.Count);
        foreach (Match page in pages)
        {
            var height = double.Parse(page.Groups[1].Value, CultureInfo.InvariantCulture);
            var mark = Mark().Match(page.Groups[2].Value);
            Assert.True(mark.Success, $"{id}: a page without the last ruled row");
            var bottom = double.Parse(mark.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(bottom > height * 0.85, $"{id}: the ruled rows end at {bottom / height:P0} of the page");
        }
    }

    private static string PdfText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-bbox", pdf, "-"]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"<page width=""[\d.]+"" height=""([\d.]+)"">(.*?)</page>", RegexOptions.Singleline)]
    private static partial Regex Page();

    [GeneratedRegex(@"<word [^>]*yMax=""([\d.]+)"">末行</word>")]
    private static partial Regex Mark();

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
