using Handbook.Model;
using Handbook.Validator.Fixtures;

namespace Handbook.Validator.Benchmark;

/// <summary>Writes records of every form (the handbook's Word forms, filled) into a folder: four in five valid, the fifth missing a required field.</summary>
internal static class RecordSet
{
    public static void Generate(Book book, string templatesDir, string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var forms = book.Forms;
        var records = new FormRecords(book, templatesDir);
        // One filled record per form and kind, written many times: filling is not what is measured.
        var valid = forms.Select(f => records.Filled(f, SampleValues.Valid(book, f))).ToArray();
        var invalid = forms.Select(f => records.Filled(f, Broken(book, f))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var form = i % forms.Length;
            var bad = i % 5 == 4;
            var unit = $"unit{i % 100:000}";
            Directory.CreateDirectory(Path.Combine(folder, unit));
            File.WriteAllBytes(Path.Combine(folder, unit, $"{i:00000}-{forms[form].Id}{(bad ? "-bad" : "")}.docx"), bad ? invalid[form] : valid[form]);
        }
    }

    private static Dictionary<string, string> Broken(Book book, Form form)
    {
        var values = SampleValues.Valid(book, form);
        values.Remove(form.Fields.First(f => f.Required && f.Type != FieldType.Table).Id);
        return values;
    }
}
