using Handbook.Model;
using Handbook.Records;

namespace Handbook.Office.Word;

/// <summary>
/// A form's fill-in Word document (.docx): its layout with one content control per field; or its print-ready
/// blank (forHand): the same layout with no controls and no prompts, for filling in by hand.
/// </summary>
public static class FormDocument
{
    /// <param name="templatesDir">The templates folder (with word/styles.yml and forms/*.sbn-html).</param>
    public static byte[] Create(Book book, Form form, string templatesDir, bool forHand = false)
    {
        var sheet = StyleSheet.Load(templatesDir);
        return Create(book, form, sheet, FormLayout.Load(templatesDir, sheet), forHand);
    }

    public static byte[] Create(Book book, Form form, StyleSheet sheet, FormLayout layout, bool forHand = false)
    {
        var page = layout.PageOf(form);
        var html = layout.Render(book, form, page, forHand);
        using var package = new WordPackage(sheet, page);
        var controls = new FormControls(package, form, layout.PathOf(form), forHand);
        var converter = new HtmlConverter(package, new ConverterOptions(
            ImageDir: Path.Combine(book.Root, "assets"), Fields: controls.Render));
        package.Body.Append(converter.Convert(html));
        package.SetTitle(forHand ? $"{form.Id} {form.Title}（打印空白表）" : $"{form.Id} {form.Title}");
        foreach (var (name, value) in FormIdentity.Properties(form, book.Info)) package.SetCustomProperty(name, value);
        return package.Finish();
    }
}
