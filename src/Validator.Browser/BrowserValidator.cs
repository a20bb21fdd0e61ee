using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using Handbook.Loading;

namespace Handbook.Validator.Browser;

/// <summary>
/// What the page calls: load the handbook once (its sources, zipped by `publisher build`, read by the same
/// loader as the command line from the runtime's in-memory file system), then validate records one by one.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class BrowserValidator
{
    private const string Root = "/handbook";
    private static RecordValidator? validator;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Loads the handbook from its zipped sources; returns an empty string, or the Chinese problem.</summary>
    [JSExport]
    public static string Load(byte[] handbookZip)
    {
        using (var zip = new ZipArchive(new MemoryStream(handbookZip), ZipArchiveMode.Read))
            zip.ExtractToDirectory(Root, overwriteFiles: true);
        var loaded = BookLoader.Load(Root);
        if (loaded.Book is null) return "手册数据无法读取：" + string.Join("；", loaded.Diagnostics.Select(d => d.Message));
        validator = new RecordValidator(loaded.Book);
        return "";
    }

    /// <summary>The DESIGN §6 entry of one file, as JSON text.</summary>
    [JSExport]
    public static string Validate(byte[] data, string name)
    {
        if (validator is null) throw new InvalidOperationException("Load the handbook first.");
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            FileReportJson.Write(json, validator.Validate(name, data));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
