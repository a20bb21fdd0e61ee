using Handbook.Model;
using Handbook.Records;

namespace Handbook.Office.Word;

/// <summary>A form's fill-in Word document (.docx): its layout with one content control per field.</summary>
public static class FormDocument
{
    /// <param name="templatesDir">The templates folder (with word/styles.yml and forms/*.hbs).</param>
    public static byte[] Create(Book book, Form form, string templatesDir) =>
        Create(book, form, templatesDir, StyleSheet.Load(templatesDir));

    public static byte[] Create(Book book, Form form, string templatesDir, StyleSheet sheet)
    {
        var html = FormLayout.Render(book, form, templatesDir);
        using var package = new WordPackage(sheet);
        var controls = new FormControls(package, form, form.Layout ?? FormLayout.DefaultTemplate);
        var converter = new HtmlConverter(package, new ConverterOptions(
            ImageDir: Path.Combine(book.Root, "assets"), Fields: controls.Render));
        package.Body.Append(converter.Convert(html));
        package.SetTitle($"{form.Id} {form.Title}");
        foreach (var (name, value) in FormIdentity.Properties(form, book.Info)) package.SetCustomProperty(name, value);
        return package.Finish();
    }
}
