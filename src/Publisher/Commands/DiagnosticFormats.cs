using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Handbook.Publisher.Commands;

/// <summary>
/// How `check` prints its diagnostics: text lines for editors, JSON for scripts, workflow commands for GitHub and
/// Gitea Actions (each diagnostic shown on its line of the pull request), SARIF 2.1.0 for code-scanning views and GitLab.
/// Paths are already relative to where the command runs.
/// </summary>
internal static class DiagnosticFormats
{
    public static readonly string[] Names = ["text", "json", "github", "sarif"];

    // Written as JSON nodes, not serialized objects: the publisher is compiled ahead of time (no reflection).
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
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
        var report = new JsonObject
        {
            ["valid"] = errors == 0,
            ["errors"] = errors,
            ["warnings"] = diagnostics.Count - errors,
            ["diagnostics"] = Array(diagnostics.Select(d => new JsonObject
            {
                ["path"] = d.Path,
                ["line"] = d.Line,
                ["column"] = d.Column,
                ["severity"] = Level(d),
                ["code"] = d.Code,
                ["message"] = d.Message,
            })),
        };
        output.WriteLine(report.ToJsonString(Json));
    }

    /// <summary>`::error file=…,line=…,col=…,title=CODE::message`, escaped as the Actions runner reads it.</summary>
    private static string WorkflowCommand(Diagnostic d) =>
        $"::{Level(d)} file={Property(d.Path)},line={d.Line},col={d.Column},title={Property(d.Code)}::{Data(d.Message)}";

    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static void WriteSarif(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var rules = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).Select(code => new JsonObject { ["id"] = code });
        var results = diagnostics.Select(d => new JsonObject
        {
            ["ruleId"] = d.Code,
            ["level"] = Level(d),
            ["message"] = new JsonObject { ["text"] = d.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(d.Path) },
                    ["region"] = new JsonObject { ["startLine"] = Math.Max(1, d.Line), ["startColumn"] = Math.Max(1, d.Column) },
                },
            }),
        });
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "publisher",
                        ["fullName"] = "手册发布工具 publisher check",
                        ["rules"] = Array(rules),
                    },
                },
                ["results"] = Array(results),
            }),
        };
        output.WriteLine(log.ToJsonString(Json));
    }

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    /// <summary>A relative URI reference: each path segment percent-encoded, '/' kept.</summary>
    private static string Uri(string path) => string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(Diagnostic d) => d.Severity == Severity.Error ? "error" : "warning";
}
