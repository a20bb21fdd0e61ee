using System.IO.Compression;
using System.Xml.Linq;
using Handbook.Records;

namespace Handbook.Validator.Fixtures;

/// <summary>
/// What happens to records after they are filled: office suites dropping tags or flattening controls,
/// Word splitting text into runs, a user typing into a date picker, properties lost, an old form.
/// </summary>
public static class RecordEdits
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Document = "word/document.xml";
    private const string Custom = "docProps/custom.xml";

    /// <summary>As LibreOffice 7.4 saves: every w:tag and w:alias gone, the controls kept.</summary>
    public static byte[] DropTags(byte[] docx) => Edit(docx, Document, d =>
        d.Descendants(W + "sdtPr").Elements().Where(e => e.Name == W + "tag" || e.Name == W + "alias").Remove());

    /// <summary>As some editors save: each control replaced by its content, so values are plain text in the cells.</summary>
    public static byte[] FlattenControls(byte[] docx) => Edit(docx, Document, d =>
    {
        foreach (var sdt in d.Descendants(W + "sdt").Reverse().ToList())
            sdt.ReplaceWith(sdt.Element(W + "sdtContent")?.Elements());
    });

    /// <summary>Every text of three or more characters split into runs of two, every other one bold.</summary>
    public static byte[] SplitRuns(byte[] docx) => Edit(docx, Document, d =>
    {
        foreach (var run in d.Descendants(W + "r").ToList())
        {
            var texts = run.Elements(W + "t").ToList();
            if (texts.Count != 1 || texts[0].Value.Length < 3) continue;
            var properties = run.Element(W + "rPr");
            var text = texts[0].Value;
            run.ReplaceWith(Enumerable.Range(0, (text.Length + 1) / 2).Select(i => new XElement(W + "r",
                properties ?? (i % 2 == 1 ? new XElement(W + "rPr", new XElement(W + "b")) : null),
                new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text.Substring(i * 2, Math.Min(2, text.Length - i * 2))))));
        }
    });

    /// <summary>Text typed into a control as it is (a date picker typed into, not picked; text where a list entry was expected).</summary>
    public static byte[] TypeInto(byte[] docx, string tag, string text) => Edit(docx, Document, d =>
    {
        var sdt = d.Descendants(W + "sdt").Single(s => s.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == tag);
        var properties = sdt.Element(W + "sdtPr")!;
        properties.Element(W + "showingPlcHdr")?.Remove();
        properties.Element(W + "date")?.Attribute(W + "fullDate")?.Remove();
        var content = sdt.Element(W + "sdtContent")!;
        content.ReplaceNodes(new XElement(W + "r", new XElement(W + "t", text)));
    });

    /// <summary>A control copied with its tag (as a user copies a cell or a row) and the copy typed into.</summary>
    public static byte[] DuplicateControl(byte[] docx, string tag, string text) => Edit(docx, Document, d =>
    {
        var sdt = d.Descendants(W + "sdt").Single(s => s.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == tag);
        var copy = new XElement(sdt);
        copy.Element(W + "sdtPr")!.Element(W + "showingPlcHdr")?.Remove();
        copy.Element(W + "sdtContent")!.ReplaceNodes(new XElement(W + "r", new XElement(W + "t", text)));
        sdt.AddAfterSelf(copy);
    });

    public static byte[] RemoveProperties(byte[] docx) => Edit(docx, zip => zip.GetEntry(Custom)?.Delete());

    public static byte[] RemoveVisibleLine(byte[] docx) => Edit(docx, Document, d =>
        d.Descendants(W + "p").Where(p => FormIdentity.FromCodeLine(string.Concat(p.Descendants(W + "t").Select(t => t.Value))) is not null).Remove());

    /// <summary>The visible line as an office suite or a user re-spaced it (the text of the paragraph holding it replaced).</summary>
    public static byte[] RewriteVisibleLine(byte[] docx, string line) => Edit(docx, Document, d =>
    {
        var paragraph = d.Descendants(W + "p").First(p => FormIdentity.FromCodeLine(string.Concat(p.Descendants(W + "t").Select(t => t.Value))) is not null);
        paragraph.Elements(W + "r").Remove();
        paragraph.Add(new XElement(W + "r", new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), line)));
    });

    /// <summary>Makes the record claim another form id and version, in its properties and its visible line.</summary>
    public static byte[] Claim(byte[] docx, string? formId = null, string? version = null)
    {
        docx = Edit(docx, Custom, d =>
        {
            foreach (var property in d.Root!.Elements())
            {
                var value = property.Elements().First();
                if (formId is not null && property.Attribute("name")?.Value == FormIdentity.IdProperty) value.Value = formId;
                if (version is not null && property.Attribute("name")?.Value == FormIdentity.VersionProperty) value.Value = version;
            }
        });
        return Edit(docx, Document, d =>
        {
            foreach (var t in d.Descendants(W + "t"))
            {
                if (FormIdentity.FromCodeLine(t.Value) is not { Id: { } id, Version: { } written }) continue;
                t.Value = FormIdentity.CodeLine(formId ?? id, version ?? written);
            }
        });
    }

    private static byte[] Edit(byte[] docx, string part, Action<XDocument> edit) => Edit(docx, zip =>
    {
        var entry = zip.GetEntry(part)!;
        XDocument document;
        using (var stream = entry.Open()) document = XDocument.Load(stream);
        edit(document);
        entry.Delete();
        using var output = zip.CreateEntry(part).Open();
        document.Save(output, SaveOptions.DisableFormatting);
    });

    private static byte[] Edit(byte[] docx, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) edit(zip);
        return stream.ToArray();
    }
}
