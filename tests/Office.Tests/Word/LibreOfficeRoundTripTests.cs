using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Handbook.Office.Word;

namespace Handbook.Tests.Word;

/// <summary>
/// A form filled in and saved with LibreOffice (which drops every tag) still has exactly one control per
/// field, in document order, with the value that was filled in; and every form converts to PDF.
/// </summary>
public sealed class LibreOfficeRoundTripTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("word-roundtrip-").FullName;

    [Fact]
    public void Every_filled_form_keeps_its_controls_and_values_through_LibreOffice()
    {
        var book = TestRepository.Book;
        var filled = Directory.CreateDirectory(Path.Combine(dir, "filled")).FullName;
        var saved = Directory.CreateDirectory(Path.Combine(dir, "saved")).FullName;
        var pdf = Directory.CreateDirectory(Path.Combine(dir, "pdf")).FullName;
        var files = new List<string>();
        foreach (var form in book.Forms)
        {
            var values = FormSamples.Controls(form).ToDictionary(c => c.Tag, c => c.Value);
            var path = Path.Combine(filled, $"{form.Id}.docx");
            File.WriteAllBytes(path, FormFiller.Fill(FormDocument.Create(book, form, TestRepository.Templates), values));
            files.Add(path);
        }

        LibreOffice.Convert(files, "docx", saved);
        LibreOffice.Convert(files, "pdf", pdf);

        foreach (var form in book.Forms)
        {
            var expected = FormSamples.Controls(form);
            using var document = WordprocessingDocument.Open(Path.Combine(saved, $"{form.Id}.docx"), false);
            var actual = WordReader.Controls(document);
            Assert.True(expected.Count == actual.Count, $"{form.Id}: {expected.Count} controls expected, {actual.Count} after LibreOffice");
            for (var i = 0; i < expected.Count; i++)
            {
                var (want, got) = (expected[i], actual[i]);
                Assert.True(want.Kind == got.Kind, $"{form.Id} {want.Tag}: {want.Kind} expected, {got.Kind} after LibreOffice");
                Assert.False(got.Placeholder, $"{form.Id} {want.Tag} shows its placeholder after LibreOffice");
                switch (want.Kind)
                {
                    case FormSamples.Kind.CheckBox:
                        Assert.True(want.Value == "true" == got.Checked, $"{form.Id} {want.Tag}: checked state lost");
                        break;
                    case FormSamples.Kind.Date:
                        Assert.Equal(DateTime.Parse(want.Value, CultureInfo.InvariantCulture), got.Date);
                        Assert.Equal(ContentControls.FormatDate(DateOnly.Parse(want.Value, CultureInfo.InvariantCulture)), got.Text);
                        break;
                    default:
                        Assert.True(want.Value == got.Text, $"{form.Id} {want.Tag}: “{want.Value}” filled, “{got.Text}” after LibreOffice");
                        break;
                }
            }
            var pdfBytes = File.ReadAllBytes(Path.Combine(pdf, $"{form.Id}.pdf"));
            Assert.True(pdfBytes.Length > 1000 && pdfBytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"{form.Id}: no PDF");
        }
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
