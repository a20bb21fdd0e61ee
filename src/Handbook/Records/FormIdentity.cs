using System.Text;
using System.Text.RegularExpressions;
using Handbook.Model;

namespace Handbook.Records;

/// <summary>
/// What a form document says it was made from: the form's id and version. A document carries them twice:
/// in custom document properties (office suites keep them) and in the visible line 表单编号：F03　版本：2026.1.
/// The Word writer writes both from here and the validator reads both here.
/// </summary>
public sealed partial record FormIdentity(string? Id, string? Version)
{
    public const string IdProperty = "HandbookFormId";
    public const string VersionProperty = "HandbookFormVersion";
    public const string EditionProperty = "HandbookEdition";

    // What office suites and people do to the line: full-width or no-break spaces, spaces anywhere, a
    // half-width colon, full-width letters and digits (made half-width first), no space or a comma between
    // the id and 版本. The version runs to the next space or bracket (the ledger adds a note after it).
    [GeneratedRegex(@"表\s*单\s*编\s*号\s*[:：]\s*([A-Za-z0-9_\-]+)(?:[\s,;，；]*版\s*本\s*[:：]\s*([^\s（(]+))?")]
    private static partial Regex CodeLinePattern();

    /// <summary>The custom document properties of a form document, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, string Value)> Properties(Form form, BookInfo info) =>
        [(IdProperty, form.Id), (VersionProperty, form.Version), (EditionProperty, info.Edition)];

    /// <summary>The identity in a document's custom properties (name → text); what is missing or blank is null.</summary>
    public static FormIdentity FromProperties(IReadOnlyDictionary<string, string> properties) =>
        new(NullIfBlank(properties.GetValueOrDefault(IdProperty)), NullIfBlank(properties.GetValueOrDefault(VersionProperty)));

    /// <summary>The visible line under a form's title.</summary>
    public static string CodeLine(string id, string version) => $"表单编号：{id}　版本：{version}";

    /// <summary>The identity in a text holding the visible line (a paragraph, a cell); null when there is none.</summary>
    public static FormIdentity? FromCodeLine(string text)
    {
        var match = CodeLinePattern().Match(HalfWidth(text));
        if (!match.Success) return null;
        return new FormIdentity(match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null);
    }

    /// <summary>Full-width letters, digits and signs (ＦＯ３, ２０２６．１) as their ASCII forms.</summary>
    private static string HalfWidth(string text)
    {
        if (!text.Any(c => c is >= '！' and <= '～')) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c is >= '！' and <= '～' ? (char)(c - 0xFEE0) : c);
        return sb.ToString();
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
