using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// Writes a script that assigns JSON data ("window.X=…;"): the search index is loaded with &lt;script&gt;
/// tags, because a page opened from disk cannot fetch a JSON file. The buffer and the JSON writer are
/// reused per thread, so writing thousands of small files allocates almost nothing.
/// </summary>
internal static class ScriptFile
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_json;

    /// <param name="target">What the data is assigned to, e.g. "window.HANDBOOK_SEARCH".</param>
    public static void Write<T>(string path, string target, T data, Action<Utf8JsonWriter, T> writeJson)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes(target, buffer);
        buffer.Write("="u8);
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        writeJson(json, data);
        json.Flush();
        buffer.Write(";\n"u8);
        OutputFile.Write(path, buffer.WrittenSpan);
    }
}
