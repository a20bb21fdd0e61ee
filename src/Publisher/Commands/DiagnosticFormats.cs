using System.Text.Encodings.Web;
using System.Text.Json;

namespace Handbook.Publisher.Commands;

/// <summary>
/// How `check` prints its diagnostics: text lines for editors, JSON for scripts, workflow commands for GitHub and
/// Gitea Actions (each diagnostic shown on its line of the pull request), SARIF 2.1.0 for code-scanning views and GitLab.
/// Paths are already relative to where the command runs.
/// </summary>
internal static class DiagnosticFormats
{
    public static readonly string[] Names = ["text", "json", "github", "sarif"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="summary">The closing line of the text formats (检查通过… / 发现…).</param>
    public static void Write(string format, IReadOnlyList<Diagnostic> diagnostics, string summary, TextWriter output)
    {
        switch (format)
        {
            case "json": WriteJson(diagnostics, output); break;
            case "sarif": WriteSarif(diagnostics, output); break;
            case "github":
                foreach (var d in diagnostics) output.WriteLine(WorkflowCommand(d));
                output.WriteLine(summary);
                break;
            default:
                foreach (var d in diagnostics) output.WriteLine(d);
                output.WriteLine(summary);
                break;
        }
    }

    private static void WriteJson(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var report = new
        {
            valid = errors == 0,
            errors,
            warnings = diagnostics.Count - errors,
            diagnostics = diagnostics.Select(d => new { d.Path, d.Line, d.Column, severity = Level(d), d.Code, d.Message }),
        };
        output.WriteLine(JsonSerializer.Serialize(report, Json));
    }

    /// <summary>`::error file=…,line=…,col=…,title=CODE::message`, escaped as the Actions runner reads it.</summary>
    private static string WorkflowCommand(Diagnostic d) =>
        $"::{Level(d)} file={Property(d.Path)},line={d.Line},col={d.Column},title={Property(d.Code)}::{Data(d.Message)}";

    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static void WriteSarif(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var log = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new
                {
                    tool = new
                    {
                        driver = new
                        {
                            name = "publisher",
                            fullName = "手册发布工具 publisher check",
                            rules = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal)
                                .Select(code => new { id = code }),
                        },
                    },
                    results = diagnostics.Select(d => new
                    {
                        ruleId = d.Code,
                        level = Level(d),
                        message = new { text = d.Message },
                        locations = new[]
                        {
                            new
                            {
                                physicalLocation = new
                                {
                                    artifactLocation = new { uri = Uri(d.Path) },
                                    region = new { startLine = Math.Max(1, d.Line), startColumn = Math.Max(1, d.Column) },
                                },
                            },
                        },
                    }),
                },
            },
        };
        output.WriteLine(JsonSerializer.Serialize(log, Json));
    }

    /// <summary>A relative URI reference: each path segment percent-encoded, '/' kept.</summary>
    private static string Uri(string path) => string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(Diagnostic d) => d.Severity == Severity.Error ? "error" : "warning";
}
