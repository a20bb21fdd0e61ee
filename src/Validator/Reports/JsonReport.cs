using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Validator.Running;

namespace Handbook.Validator.Reports;

/// <summary>The machine report (DESIGN §6): its shape and codes are a contract. Every finding, errors and warnings, is in `errors` with its `severity`.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RunReport run, TextWriter writer)
    {
        var report = new
        {
            valid = run.Valid,
            stats = new
            {
                files = run.Files.Count,
                valid = run.ValidFiles,
                invalid = run.InvalidFiles,
                errors = run.Errors,
                warnings = run.Warnings,
                seconds = Math.Round(run.Elapsed.TotalSeconds, 3),
            },
            files = run.Files.Select(f => new
            {
                path = f.Path,
                valid = f.Valid,
                form = f.Form is null ? null : new { id = f.Form.Id, version = f.Form.Version },
                errors = f.Findings.Select(e => new
                {
                    code = e.Code,
                    severity = e.Severity.ToString().ToLowerInvariant(),
                    field = e.Field,
                    label = e.Label,
                    message = e.Message,
                }),
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(report, Options));
    }
}
