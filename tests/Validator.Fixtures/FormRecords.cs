using System.Collections.Concurrent;
using Handbook.Model;
using Handbook.Office.Word;

namespace Handbook.Validator.Fixtures;

/// <summary>Records made as units make them: the handbook's own Word form, filled in its controls.</summary>
public sealed class FormRecords(Book book, string templatesDir)
{
    private readonly ConcurrentDictionary<string, byte[]> blanks = new();

    public byte[] Blank(Form form) => blanks.GetOrAdd(form.Id, _ => FormDocument.Create(book, form, templatesDir));

    /// <param name="values">By control tag: `field`, `field.n` (an option of a choices field), `field.row.column`.</param>
    public byte[] Filled(Form form, IReadOnlyDictionary<string, string> values) => FormFiller.Fill(Blank(form), values);
}
