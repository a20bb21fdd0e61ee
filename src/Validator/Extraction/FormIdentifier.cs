using System.Text.RegularExpressions;
using Handbook.Model;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Extraction;

/// <summary>What a record says it was made from.</summary>
public sealed record FormIdentity(string? Id, string? Version);

/// <summary>
/// Finds the form a record was made from: the custom document properties first (they survive office
/// suites), else the visible 表单编号／版本 line, else a paragraph equal to a form's title.
/// </summary>
public static partial class FormIdentifier
{
    public const string FormIdProperty = "HandbookFormId";
    public const string FormVersionProperty = "HandbookFormVersion";

    [GeneratedRegex(@"表单编号\s*[:：]\s*([A-Za-z0-9_\-]+)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"版\s*本\s*[:：]\s*([0-9A-Za-z.\-]+)")]
    private static partial Regex VersionLine();

    public static FormIdentity Identify(IReadOnlyDictionary<string, string> properties, ScannedDocument document, IEnumerable<Form> forms)
    {
        properties.TryGetValue(FormIdProperty, out var id);
        properties.TryGetValue(FormVersionProperty, out var version);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
        {
            var visible = FromVisibleLine(document);
            id = string.IsNullOrEmpty(id) ? visible.Id : id;
            version = string.IsNullOrEmpty(version) ? visible.Version : version;
        }
        if (string.IsNullOrEmpty(id))
            id = FromTitle(document, forms);
        return new FormIdentity(NullIfEmpty(id), NullIfEmpty(version));
    }

    private static FormIdentity FromVisibleLine(ScannedDocument document)
    {
        foreach (var text in document.Paragraphs.Concat(document.Tables.SelectMany(t => t.Take(1)).SelectMany(r => r)))
        {
            var code = CodeLine().Match(text);
            if (!code.Success) continue;
            var version = VersionLine().Match(text);
            return new FormIdentity(code.Groups[1].Value, version.Success ? version.Groups[1].Value : null);
        }
        return new FormIdentity(null, null);
    }

    private static string? FromTitle(ScannedDocument document, IEnumerable<Form> forms)
    {
        // A title shared by several forms (check reports it) identifies none of them.
        var titles = forms.GroupBy(f => Form.TitleKey(f.Title)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        return document.Paragraphs.Select(Form.TitleKey).Where(titles.ContainsKey).Select(p => titles[p]).FirstOrDefault();
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
