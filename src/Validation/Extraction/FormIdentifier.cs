using Handbook.Model;
using Handbook.Records;

namespace Handbook.Validator.Extraction;

/// <summary>
/// Finds the form a record was made from: the custom document properties first (they survive office
/// suites), else the visible 表单编号／版本 line, else a paragraph equal to a form's title. What each of the
/// first two looks like is <see cref="FormIdentity"/>'s to say.
/// </summary>
public static class FormIdentifier
{
    public static FormIdentity Identify(IReadOnlyDictionary<string, string> properties, ScannedDocument document, IEnumerable<Form> forms)
    {
        var (id, version) = FormIdentity.FromProperties(properties);
        if (id is null || version is null)
        {
            var visible = FromVisibleLine(document);
            id ??= visible?.Id;
            version ??= visible?.Version;
        }
        return new FormIdentity(id ?? FromTitle(document, forms), version);
    }

    private static FormIdentity? FromVisibleLine(ScannedDocument document) =>
        document.Paragraphs.Concat(document.Tables.SelectMany(t => t.Take(1)).SelectMany(r => r))
            .Select(FormIdentity.FromCodeLine).FirstOrDefault(identity => identity is not null);

    private static string? FromTitle(ScannedDocument document, IEnumerable<Form> forms)
    {
        // A title shared by several forms (check reports it) identifies none of them.
        var titles = forms.GroupBy(f => Form.TitleKey(f.Title)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        return document.Paragraphs.Select(Form.TitleKey).Where(titles.ContainsKey).Select(p => titles[p]).FirstOrDefault();
    }
}
