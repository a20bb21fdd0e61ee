using System.IO.Compression;
using System.Xml.Linq;

namespace Handbook.Validator.Fixtures;

/// <summary>
/// Seeded random damage to a valid record, for checking that nothing a unit can submit upsets the validator:
/// hostile text in every control, elements duplicated, nested and dropped, hostile tags, broken custom
/// properties, and the package truncated, bit-flipped, its directory shifted or an entry removed.
/// The same seed gives the same files.
/// </summary>
public static class RecordMutations
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private const string Document = "word/document.xml";
    private const string Custom = "docProps/custom.xml";

    /// <summary>Values no form expects: huge, negative, other scripts' digits, emoji, bidi controls, markup.</summary>
    public static readonly string[] HostileValues =
    [
        new string('9', 400), "-1", "-99999999999999999999999999999", "1e400", "NaN", "-0", "0x7FFFFFFF", "1,000.5",
        "١٢٣", "۴۵۶", "߁߂", "१२३", "𝟙𝟚𝟛", "１２", "½", "Ⅻ",
        "2026-02-30", "9999-12-31", "0001-01-01", "-2026-03-05", "2026年13月40日", "２０２６年０３月３１日", "2026-03-05T25:61:00", "20260305",
        "👨‍👩‍👧‍👦🇨🇳", "\u202Eabc\u202C", "\u200F\u200E\u2066x\u2069", "\u200B", "\uFEFF", "e\u0301\u0301\u0301",
        "a\tb\nc", "<w:t>&amp;]]>", "{{host}}", "  ", "", "、，；;,",
    ];

    /// <summary>200,000 characters, given to one control of a record (in every control the package is a zip bomb by ratio).</summary>
    private static readonly string LongValue = new('长', 200_000);

    private static readonly string[] HostileTags =
    [
        "", ".", "..", "host.", ".host", "speeches.0.speaker", "speeches.-1.speaker", "speeches.99999999999999999999.speaker",
        "speeches.2147483648.speaker", "a.b.c.d", "present.0", "present.999", "😀", "\u202Ehost", new string('x', 100_000),
    ];

    private static readonly string[] Elements = ["sdt", "sdtPr", "sdtContent", "tag", "tc", "tr", "tbl", "p", "r", "t", "date", "body"];

    private delegate byte[] Mutation(byte[] record, Random random);

    private static readonly (string Name, Mutation Apply)[] Kinds =
    [
        ("hostile-values", HostileText),
        ("hostile-tags", (r, random) => EditXml(r, Document, d =>
        {
            foreach (var tag in d.Descendants(W + "tag").Where(_ => random.Next(3) == 0)) tag.SetAttributeValue(W + "val", Pick(random, HostileTags));
            var tags = d.Descendants(W + "tag").ToList();
            // Two controls with the same tag.
            if (tags.Count > 1) tags[random.Next(tags.Count)].SetAttributeValue(W + "val", tags[random.Next(tags.Count)].Attribute(W + "val")?.Value);
        })),
        ("duplicated", (r, random) => EditXml(r, Document, d =>
        {
            for (var n = random.Next(1, 6); n > 0; n--)
                if (Any(d, random) is { Parent: not null } e) e.AddAfterSelf(new XElement(e));
        })),
        ("nested", (r, random) => EditXml(r, Document, d =>
        {
            var controls = d.Descendants(W + "sdt").ToList();
            if (controls.Count < 2) return;
            var outer = controls[random.Next(controls.Count)];
            var inner = controls[random.Next(controls.Count)];
            outer.Element(W + "sdtContent")?.Add(new XElement(inner));
            if (d.Descendants(W + "tc").FirstOrDefault() is { } cell && d.Descendants(W + "tbl").FirstOrDefault() is { } table)
                cell.Add(new XElement(table));
        })),
        ("dropped", (r, random) => EditXml(r, Document, d =>
        {
            for (var n = random.Next(1, 8); n > 0; n--)
                if (Any(d, random) is { Parent: not null } e) e.Remove();
        })),
        ("custom-properties", BrokenProperties),
        ("truncated", (r, random) => r[..random.Next(r.Length)]),
        ("bit-flipped", (r, random) =>
        {
            var data = r.ToArray();
            for (var n = random.Next(1, 9); n > 0; n--) data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
            return data;
        }),
        ("shifted-directory", (r, random) => HostileFiles.ShiftedCentralDirectory(r, random.Next(2) == 0 ? random.Next(1, 64) : -random.Next(1, 64))),
        ("entry-removed", (r, random) => EditZip(r, zip =>
        {
            var entries = zip.Entries.ToList();
            entries[random.Next(entries.Count)].Delete();
        })),
    ];

    /// <summary>The names of the kinds of mutation, in the order <see cref="Make"/> goes through them.</summary>
    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Name);

    /// <summary><paramref name="count"/> mutants of the record, going through the kinds in turn, each named `NNN-kind`.</summary>
    public static IEnumerable<(string Name, byte[] Data)> Make(byte[] record, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = Kinds[i % Kinds.Length];
            yield return ($"{i:000}-{name}", apply(record, random));
        }
    }

    /// <summary>Every control's text replaced by a hostile value (one by 200,000 characters); dates and checkboxes given hostile states too.</summary>
    private static byte[] HostileText(byte[] record, Random random) => EditXml(record, Document, d =>
    {
        var controls = d.Descendants(W + "sdt").ToList();
        var longOne = random.Next(controls.Count);
        foreach (var (sdt, n) in controls.Select((c, n) => (c, n)))
        {
            var properties = sdt.Element(W + "sdtPr");
            properties?.Element(W + "showingPlcHdr")?.Remove();
            properties?.Element(W + "date")?.SetAttributeValue(W + "fullDate", Pick(random, HostileValues));
            properties?.Descendants(W14 + "checked").FirstOrDefault()?.SetAttributeValue(W14 + "val", Pick(random, HostileValues));
            var content = sdt.Element(W + "sdtContent");
            // A run's text where the control holds runs; a paragraph where it holds paragraphs or cells.
            var text = new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), n == longOne ? LongValue : Pick(random, HostileValues));
            if (content?.Element(W + "r") is not null) content.ReplaceNodes(new XElement(W + "r", text));
            else content?.Descendants(W + "t").FirstOrDefault()?.ReplaceWith(text);
        }
    });

    private static byte[] BrokenProperties(byte[] record, Random random) => random.Next(5) switch
    {
        0 => EditZip(record, zip => Replace(zip, Custom, "<?xml version=\"1.0\"?><Properties><property name=\"HandbookFormId\"><vt:lpwstr>F03")),
        1 => EditZip(record, zip => zip.GetEntry(Custom)?.Delete()),
        _ => EditXml(record, Custom, d =>
        {
            foreach (var property in d.Root!.Elements())
            {
                switch (random.Next(4))
                {
                    case 0: property.RemoveNodes(); break;
                    case 1: property.Elements().FirstOrDefault()?.SetValue(Pick(random, HostileValues)); break;
                    case 2: property.Elements().FirstOrDefault()?.Add(new XElement(property)); break;
                    default: property.SetAttributeValue("name", Pick(random, HostileTags)); break;
                }
            }
        }),
    };

    private static XElement? Any(XDocument document, Random random)
    {
        var name = W + Pick(random, Elements);
        var found = document.Descendants(name).ToList();
        return found.Count == 0 ? null : found[random.Next(found.Count)];
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static byte[] EditXml(byte[] docx, string part, Action<XDocument> edit) => EditZip(docx, zip =>
    {
        if (zip.GetEntry(part) is not { } entry) return;
        XDocument document;
        using (var stream = entry.Open()) document = XDocument.Load(stream);
        edit(document);
        entry.Delete();
        using var output = zip.CreateEntry(part).Open();
        document.Save(output, SaveOptions.DisableFormatting);
    });

    private static void Replace(ZipArchive zip, string part, string text)
    {
        zip.GetEntry(part)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(part).Open());
        writer.Write(text);
    }

    private static byte[] EditZip(byte[] docx, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) edit(zip);
        return stream.ToArray();
    }
}
