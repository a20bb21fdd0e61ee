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
        json.WritePropertyName("stats");
        JsonSerializer.Serialize(json, new
        {
            files = run.Files.Count,
            valid = run.ValidFiles,
            invalid = run.InvalidFiles,
            errors = run.Errors,
            warnings = run.Warnings,
            seconds = Math.Round(run.Elapsed.TotalSeconds, 3),
        });
        json.WriteStartArray("files");
        foreach (var f in run.Files)
        {
            WriteFile(json, f);
            Drain();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        Drain();
        writer.WriteLine();
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport f)
    {
        json.WriteStartObject();
        json.WriteString("path", f.Path);
        json.WriteBoolean("valid", f.Valid);
        if (f.Form is null) json.WriteNull("form");
        else
        {
            json.WriteStartObject("form");
            json.WriteString("id", f.Form.Id);
            json.WriteString("version", f.Form.Version);
            json.WriteEndObject();
        }
        json.WriteStartArray("errors");
        foreach (var e in f.Findings)
        {
            json.WriteStartObject();
            json.WriteString("code", e.Code);
            json.WriteString("severity", e.Severity.ToString().ToLowerInvariant());
            json.WriteString("field", e.Field);
            json.WriteString("label", e.Label);
            json.WriteString("message", e.Message);
            // Only on internal-error findings: what to look for when the file is handed to a maintainer.
            if (e.ExceptionType is not null) json.WriteString("exception", e.ExceptionType);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
