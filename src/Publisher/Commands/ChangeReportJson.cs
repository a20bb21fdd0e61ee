using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Handbook.Publisher.Commands;

/// <summary>`changes --format json`, generated at compile time: the publisher is compiled ahead of time (no reflection).</summary>
[JsonSerializable(typeof(ChangeReport))]
internal sealed partial class ChangeReportJson : JsonSerializerContext
{
    /// <summary>Indented, camelCase, Chinese as it is (not \u-escaped).</summary>
    public static ChangeReportJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
