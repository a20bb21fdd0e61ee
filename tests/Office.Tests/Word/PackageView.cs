using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Handbook.Tests.Word;

/// <summary>
/// A readable, stable view of an Open XML package for golden files: the part list, then every XML part
/// pretty-printed, with relationship ids renamed in order of appearance (the SDK makes some up at random).
/// </summary>
internal static partial class PackageView
{
    public static string Of(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine("# parts");
        foreach (var entry in entries) text.AppendLine(entry.FullName);
        foreach (var entry in entries)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"# {entry.FullName}");
            using var stream = entry.Open();
            if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                text.AppendLine(Sorted(XDocument.Load(stream)).ToString());
            else
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                text.AppendLine(CultureInfo.InvariantCulture, $"({copy.Length} bytes)");
            }
        }
        var ids = new Dictionary<string, string>();
        return RelationshipId().Replace(text.ToString(), m =>
            ids.TryGetValue(m.Value, out var name) ? name : ids[m.Value] = $"rel{ids.Count + 1}");
    }

    /// <summary>Relationships listed in id order are listed by target instead, as ids are renamed.</summary>
    private static XDocument Sorted(XDocument document)
    {
        if (document.Root?.Name.LocalName == "Relationships")
            document.Root.ReplaceNodes(document.Root.Elements().OrderBy(e => (string?)e.Attribute("Target"), StringComparer.Ordinal));
        return document;
    }

    [GeneratedRegex(@"\bR[0-9a-f]{16}\b|\brId\d+\b")]
    private static partial Regex RelationshipId();
}
