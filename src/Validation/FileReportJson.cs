using System.Text.Json;

namespace Handbook.Validator;

/// <summary>
/// One file's entry of the machine report (DESIGN §6): the command line's report and the browser's validator
/// both write it here, so that the two give the same JSON for the same file.
/// </summary>
public static class FileReportJson
{
    public static void Write(Utf8JsonWriter json, FileReport f)
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
