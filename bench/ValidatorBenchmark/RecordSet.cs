using Handbook.Model;
using Handbook.Validator.Fixtures;

namespace Handbook.Validator.Benchmark;

/// <summary>
/// One filled record of each form, valid and invalid (missing a required field): the handbook's Word forms, filled.
/// Written many times into a folder: filling is not what is measured.
/// </summary>
internal sealed class RecordSet
{
    private readonly IReadOnlyList<Form> forms;
    private readonly byte[][] valid, invalid;

    public RecordSet(Book book, string templatesDir, IReadOnlyList<Form> forms)
    {
        this.forms = forms;
        var records = new FormRecords(book, templatesDir);
        valid = [.. forms.Select(f => records.Filled(f, SampleValues.Valid(book, f)))];
        invalid = [.. forms.Select(f => records.Filled(f, Broken(book, f)))];
    }

    public IReadOnlyList<Form> Forms => forms;

    public byte[] Valid(int form) => valid[form];

    /// <summary>Writes <paramref name="count"/> records in 100 unit folders, cycling through the forms; four in five valid.</summary>
    public void Write(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var form = i % forms.Count;
            var bad = i % 5 == 4;
            var unit = Path.Combine(folder, $"unit{i % 100:000}");
            Directory.CreateDirectory(unit);
            File.WriteAllBytes(Path.Combine(unit, $"{i:00000}-{forms[form].Id}{(bad ? "-bad" : "")}.docx"), bad ? invalid[form] : valid[form]);
        }
    }

    private static Dictionary<string, string> Broken(Book book, Form form)
    {
        var values = SampleValues.Valid(book, form);
        values.Remove(form.Fields.First(f => f.Required && f.Type != FieldType.Table).Id);
        return values;
    }
}
