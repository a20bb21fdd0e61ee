using System.Buffers;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;

namespace Handbook.Validator.Browser;

/// <summary>
/// What the page calls: load the handbook's forms and rules once (validator/handbook.bin, written by `publisher build`
/// with <see cref="ValidatorData"/>), then validate records one by one.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class BrowserValidator
{
    private static RecordValidator? validator;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Loads the handbook's data; returns an empty string, or the Chinese problem.</summary>
    [JSExport]
    public static string Load(byte[] handbookData)
    {
        try
        {
            validator = new RecordValidator(ValidatorData.Read(handbookData));
            return "";
        }
        catch (InvalidDataException e)
        {
            return "手册数据 handbook.bin 无法读取：" + e.Message;
        }
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
