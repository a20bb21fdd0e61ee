using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Validator.Running;

namespace Handbook.Validator.Reports;

/// <summary>
/// The machine report (DESIGN §6): its shape and codes are a contract. Every finding, errors and warnings, is in `errors` with its `severity`.
/// Written file by file, so that the report of a large run is never held in memory whole.
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RunReport run, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, WriterOptions);

        void Drain()
        {
            json.Flush();
            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }

        json.WriteStartObject();
        json.WriteBoolean("valid", run.Valid);
        json.WriteStartObject("stats");
        json.WriteNumber("files", run.Files.Count);
        json.WriteNumber("valid", run.ValidFiles);
        json.WriteNumber("invalid", run.InvalidFiles);
        json.WriteNumber("errors", run.Errors);
        json.WriteNumber("warnings", run.Warnings);
        json.WriteNumber("seconds", Math.Round(run.Elapsed.TotalSeconds, 3));
        json.WriteEndObject();
        json.WriteStartArray("files");
        foreach (var f in run.Files)
        {
            FileReportJson.Write(json, f);
            Drain();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        Drain();
        writer.WriteLine();
    }
}
