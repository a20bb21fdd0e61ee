using System.IO.Compression;
using System.Text;

namespace Handbook.Validator.Fixtures;

/// <summary>
/// A record as Word saves it with "Strict Open XML Document": the same parts under the Strict namespace names
/// (ISO/IEC 29500 Strict), written out here independently of the validator's own mapping.
/// </summary>
public static class StrictOpenXml
{
    // Longer names first: relationship types are the namespace followed by a name.
    private static readonly (string Transitional, string Strict)[] Names =
    [
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", "http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
        ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "http://purl.oclc.org/ooxml/officeDocument/customProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
        ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
        ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
        ("http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"),
    ];

    public static byte[] Convert(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
                foreach (var (transitional, strict) in Names) xml = xml.Replace(transitional, strict, StringComparison.Ordinal);
                if (entry.FullName == "word/document.xml") xml = xml.Replace("<w:document ", "<w:document w:conformance=\"strict\" ", StringComparison.Ordinal);
                var name = entry.FullName;
                entry.Delete();
                using var output = zip.CreateEntry(name).Open();
                output.Write(Encoding.UTF8.GetBytes(xml));
            }
        }
        return stream.ToArray();
    }
}
