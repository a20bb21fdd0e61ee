using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Packaging;

/// <summary>
/// A .docx package opened read-only from memory after its zip directory passed the caps. Parts are read
/// only through <see cref="ReadXml"/>: size-bounded, with DTDs prohibited.
/// </summary>
public sealed class SafePackage : IDisposable
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    private const string CustomPropertiesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> entries;
    private readonly PackageLimits limits;
    private readonly XmlReaderSettings settings;
    // A Strict Open XML package: its parts are read with their namespaces mapped to the transitional ones.
    private bool strict;

    private SafePackage(ZipArchive archive, Dictionary<string, ZipArchiveEntry> entries, PackageLimits limits)
    {
        this.archive = archive;
        this.entries = entries;
        this.limits = limits;
        // One name table for the parts of a package: names are atomized once per record, not once per part.
        settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxPartBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            NameTable = new NameTable(),
        };
    }

    /// <summary>The main document part (word/document.xml in every package seen so far).</summary>
    public string MainPart { get; private set; } = "";

    /// <summary>The custom properties part, when the package has one.</summary>
    public string? CustomPropertiesPart { get; private set; }

    /// <summary>
    /// Opens the package, or throws <see cref="PackageException"/> naming why it cannot be read.
    /// Problems that do not stop reading (macros, external content) are added to <paramref name="findings"/>.
    /// </summary>
    public static SafePackage Open(ReadOnlyMemory<byte> data, PackageLimits limits, List<Finding> findings)
    {
        if (data.Length > limits.MaxFileBytes) throw new PackageException(TooLarge(data.Length, limits));
        if (FileSignature.Refuse(data.Span) is { } refused) throw new PackageException(refused);
        // Read in place: an uploaded record is validated in the server's pooled buffer, not in a copy.
        var bytes = MemoryMarshal.TryGetArray(data, out var segment) ? segment : new ArraySegment<byte>(data.ToArray());

        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), ZipArchiveMode.Read);
            // The central directory is read when the entries are first asked for, not by the constructor:
            // a directory that is there but wrong fails here.
            var package = new SafePackage(archive, CheckDirectory(archive, limits), limits);
            package.ReadStructure(findings);
            return package;
        }
        catch (InvalidDataException)
        {
            archive?.Dispose();
            throw new PackageException(Finding.Error(Codes.CorruptPackage,
                "文件已损坏或不完整（压缩包目录缺失或与内容不符，可能下载或复制时被截断），请重新提交"));
        }
        catch
        {
            archive?.Dispose();
            throw;
        }
    }

    public static Finding TooLarge(long bytes, PackageLimits limits) => Finding.Error(Codes.TooLarge,
        $"文件过大（{bytes / 1024.0 / 1024.0:0.#} MB），超过 {limits.MaxFileBytes / 1024 / 1024} MB 的上限；请删去嵌入的大图片或视频后重新提交");

    private static Dictionary<string, ZipArchiveEntry> CheckDirectory(ZipArchive archive, PackageLimits limits)
    {
        ZipBombIf(archive.Entries.Count > limits.MaxEntries, $"压缩包内有 {archive.Entries.Count} 个条目，超过 {limits.MaxEntries} 的上限");
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            ZipBombIf(total > limits.MaxTotalBytes, "解压后的总大小超过上限");
            ZipBombIf(entry.Length >= limits.RatioFloorBytes && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength),
                $"条目“{entry.FullName}”的压缩比异常（{entry.CompressedLength} 字节解压为 {entry.Length} 字节）");
            entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        }
        return entries;
    }

    private static void ZipBombIf(bool condition, string detail)
    {
        if (condition)
            throw new PackageException(Finding.Error(Codes.ZipBomb, $"文件疑似“压缩炸弹”，拒绝解压：{detail}"));
    }

    private void ReadStructure(List<Finding> findings)
    {
        if (!entries.ContainsKey("[Content_Types].xml") || !entries.ContainsKey("_rels/.rels"))
            throw new PackageException(Finding.Error(Codes.NoMainDocument,
                "压缩包中没有 Word 文档结构（缺少 [Content_Types].xml 或 _rels/.rels），不是 .docx 文件"));

        var external = new List<(string Type, string Target)>();
        foreach (var name in entries.Keys.Where(n => n.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var packageLevel = name.Equals("_rels/.rels", StringComparison.OrdinalIgnoreCase);
            foreach (var (declared, target, isExternal) in Relationships(name))
            {
                var type = StrictNamespaces.RelationshipType(declared);
                if (packageLevel && type == OfficeDocumentType && MainPart == "")
                {
                    MainPart = target.TrimStart('/');
                    strict = type != declared;
                }
                if (packageLevel && type == CustomPropertiesType) CustomPropertiesPart = target.TrimStart('/');
                if (isExternal && type != HyperlinkType) external.Add((type, target));
            }
        }
        findings.AddRange(ExternalContent.Check(external));
        if (MainPart == "" || !entries.ContainsKey(MainPart))
            throw new PackageException(Finding.Error(Codes.NoMainDocument,
                "压缩包中没有 Word 正文部分（word/document.xml），不是完整的 .docx 文件"));
        if (CustomPropertiesPart is not null && !entries.ContainsKey(CustomPropertiesPart)) CustomPropertiesPart = null;

        if (HasMacros())
            findings.Add(Finding.Error(Codes.MacrosPresent,
                "文档含有宏（.docm / vbaProject），存在安全风险；请另存为不含宏的 Word 文档（.docx）后重新提交"));
    }

    private bool HasMacros() =>
        entries.Keys.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
        || ReadXml("[Content_Types].xml", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element
                    && reader.GetAttribute("ContentType") is { } type
                    && type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        });

    private List<(string Type, string Target, bool External)> Relationships(string part) => ReadXml(part, reader =>
    {
        var list = new List<(string, string, bool)>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.NamespaceURI != RelationshipsNs) continue;
            var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            list.Add((reader.GetAttribute("Type") ?? "", reader.GetAttribute("Target") ?? "", external));
        }
        return list;
    });

    /// <summary>
    /// Reads one XML part with a streaming reader. Throws <see cref="PackageException"/> when the part is
    /// over its cap, expands beyond what its header declared, carries a DTD, or is not well-formed XML.
    /// </summary>
    public T ReadXml<T>(string part, Func<XmlReader, T> read)
    {
        byte[]? bytes = null;
        try
        {
            bytes = Inflate(part, out var length);
            using var reader = XmlReader.Create(new MemoryStream(bytes, 0, length, writable: false), settings);
            return read(strict ? new StrictNamespaces.Reader(reader) : reader);
        }
        catch (XmlException e)
        {
            throw new PackageException(HasDoctype(part)
                ? Finding.Error(Codes.DtdProhibited, $"文档部件“{part}”含有 DTD 或实体声明（可能是 XXE 攻击），拒绝解析")
                : Finding.Error(Codes.CorruptPackage, $"文件已损坏：部件“{part}”第 {e.LineNumber} 行第 {e.LinePosition} 列不是合法的 XML"));
        }
        catch (InvalidDataException)
        {
            throw new PackageException(Finding.Error(Codes.CorruptPackage, $"文件已损坏：部件“{part}”无法解压，请重新提交"));
        }
        finally
        {
            if (bytes is not null) ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// A part's bytes, decompressed in one go into a pooled buffer (returned by the caller): an entry that
    /// inflates beyond the size its header declared is a bomb, whatever the header says.
    /// </summary>
    private byte[] Inflate(string part, out int length)
    {
        if (!entries.TryGetValue(part, out var entry))
            throw new PackageException(Finding.Error(Codes.CorruptPackage, $"文档缺少部件“{part}”"));
        if (entry.Length > limits.MaxPartBytes)
            throw new PackageException(PartTooLarge(part, entry.Length));
        var declared = (int)entry.Length;
        var bytes = ArrayPool<byte>.Shared.Rent(declared + 1);
        try
        {
            using var stream = entry.Open();
            length = stream.ReadAtLeast(bytes.AsSpan(0, declared + 1), declared + 1, throwOnEndOfStream: false);
            if (length > declared)
                throw new PackageException(Finding.Error(Codes.ZipBomb, $"文件疑似“压缩炸弹”，拒绝解压：部件“{part}”解压后的大小超过其声明的 {declared} 字节"));
            return bytes;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    private Finding PartTooLarge(string part, long bytes) => Finding.Error(Codes.PartTooLarge,
        $"文档部件“{part}”解压后有 {bytes / 1024.0 / 1024.0:0.#} MB，超过 {limits.MaxPartBytes / 1024 / 1024} MB 的上限，拒绝读取");

    /// <summary>Whether a part's text starts with a DTD; asked only after the reader refused it.</summary>
    private bool HasDoctype(string part)
    {
        try
        {
            using var stream = entries[part].Open();
            var head = new byte[4096];
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(head, 0, n) + Encoding.Unicode.GetString(head, 0, n & ~1);
            return text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public void Dispose() => archive.Dispose();
}
