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
        var book = TestRepository.Book;
        var form = book.FindForm(id)!;
        var files = (blankToo ? new[] { false, true } : [false]).Select(forHand =>
        {
            var path = Path.Combine(dir, $"{id}{(forHand ? "-blank" : "")}.docx");
            File.WriteAllBytes(path, FormDocument.Create(book, form, TestRepository.Templates, forHand));
            return path;
        }).ToList();
        var pdfs = LibreOffice.Convert(files, "pdf", Path.Combine(dir, "pdf"));
        foreach (var file in files)
            Assert.True(Pages(pdfs[file]) == 1, $"{Path.GetFileName(file)}: {Pages(pdfs[file])} pages");
    }

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
