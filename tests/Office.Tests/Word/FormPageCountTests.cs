using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Office.Word;

namespace Handbook.Tests.Word;

/// <summary>Forms printed by LibreOffice: one whose rows a little lower fit on a page prints on one page, not with its last lines alone on a second.</summary>
public sealed partial class FormPageCountTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("form-pages-").FullName;

    /// <summary>The default handbook's forms that used to spill only their signature and edition lines onto a second page.</summary>
    [Theory]
    [InlineData("F04", true)]
    [InlineData("F05", true)]
    [InlineData("F21", true)]
    [InlineData("F13", false)]
    [InlineData("F22", false)]
    public void A_form_that_nearly_fits_prints_on_one_page(string id, bool blankToo)
    {
        var files = Documents(id, blankToo ? [false, true] : [false]);
        var pdfs = LibreOffice.Convert(files, "pdf", Path.Combine(dir, "pdf"));
        foreach (var file in files)
            Assert.True(Pages(pdfs[file]) == 1, $"{Path.GetFileName(file)}: {Pages(pdfs[file])} pages");
    }

    /// <summary>
    /// The forms that used to spill one to three rows onto an otherwise empty second page (issue 16 item 3): their rows
    /// fill the second page now, down to its last quarter, and the print-ready blank is no longer than the form. F08's
    /// rows are tall text boxes that cannot split: those on the second page grow to fill it (it ended at two thirds).
    /// F06 printed its signature line alone on a third page; F16 a few rows (its empty cells' blank wrapped).
    /// </summary>
    [Theory]
    [InlineData("F01")]
    [InlineData("F03")]
    [InlineData("F09")]
    [InlineData("F19")]
    [InlineData("F08")]
    [InlineData("F06")]
    [InlineData("F16")]
    public void A_form_on_two_pages_fills_the_second(string id)
    {
        var files = Documents(id, [false, true]);
        var pdfs = LibreOffice.Convert(files, "pdf", Path.Combine(dir, "pdf"));
        foreach (var file in files)
        {
            var pages = Pages(pdfs[file]);
            Assert.True(pages <= 2, $"{Path.GetFileName(file)}: {pages} pages");
            if (pages == 2)
            {
                var bottom = LastLineMm(pdfs[file], 2, TestRepository.Book.Info.Title);
                Assert.True(bottom > 297 * 0.75, $"{Path.GetFileName(file)}: the second page ends at {bottom:0} mm");
            }
        }
    }

    /// <summary>
    /// F20's roster prints on landscape A4 (its nine columns do not fit portrait: PrintReadyBlankTests): its 30 rows
    /// take three pages, the last filled by rows and the grown 本年人员变动 box down past 70 % of its height (the estimate
    /// keeps about a row to spare), not a few rows alone.
    /// </summary>
    [Fact]
    public void The_landscape_roster_fills_its_last_page()
    {
        var files = Documents("F20", [false, true]);
        var pdfs = LibreOffice.Convert(files, "pdf", Path.Combine(dir, "pdf"));
        foreach (var file in files)
        {
            var pages = Pages(pdfs[file]);
            Assert.True(pages <= 3, $"{Path.GetFileName(file)}: {pages} pages");
            var bottom = LastLineMm(pdfs[file], pages, TestRepository.Book.Info.Title);
            Assert.True(bottom > 210 * 0.7, $"{Path.GetFileName(file)}: page {pages} ends at {bottom:0} mm");
        }
    }

    /// <summary>
    /// The print-ready blanks whose choice columns printed ☐ and every option in each narrow cell, breaking words and
    /// making the blank longer than the form (issue 16 item 1): not longer now.
    /// </summary>
    [Theory]
    [InlineData("F07")]
    [InlineData("F11")]
    [InlineData("F16")]
    public void A_blank_with_choice_columns_is_no_longer_than_its_form(string id)
    {
        var files = Documents(id, [false, true]);
        var pdfs = LibreOffice.Convert(files, "pdf", Path.Combine(dir, "pdf"));
        Assert.True(Pages(pdfs[files[1]]) <= Pages(pdfs[files[0]]), $"{id}: blank {Pages(pdfs[files[1]])} pages, form {Pages(pdfs[files[0]])}");
    }

    /// <summary>The form's .docx (and, with <c>true</c>, its print-ready blank), written into the test's folder.</summary>
    private List<string> Documents(string id, bool[] forHand) =>
    [
        .. forHand.Select(hand =>
        {
            var path = Path.Combine(dir, $"{id}{(hand ? "-blank" : "")}.docx");
            File.WriteAllBytes(path, FormDocument.Create(TestRepository.Book, TestRepository.Book.FindForm(id)!, TestRepository.Templates, hand));
            return path;
        }),
    ];

    /// <summary>Where on the page (mm from the top) the line with <paramref name="text"/> ends: the form's edition line is its last.</summary>
    private static double LastLineMm(string pdf, int page, string text)
    {
        var p = page.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-f", p, "-l", p, "-bbox", pdf, "-"]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var words = Word().Matches(output).Where(m => m.Groups[2].Value.Contains(text[..2], StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(words);
        return words.Max(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) * 25.4 / 72;
    }

    [GeneratedRegex(@"<word [^>]*yMax=""([\d.]+)"">([^<]*)</word>")]
    private static partial Regex Word();

    private static int Pages(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdfinfo", [pdf]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return int.Parse(PagesLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
