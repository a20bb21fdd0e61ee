using System.Diagnostics;
using System.Text.Json;

namespace Handbook.Tests.Site;

/// <summary>
/// The validator program run as a reviewer runs it, `validator FILE... --source HANDBOOK --format json`, on files
/// written to a temporary folder and named as given: what `serve` and the page 校验记录 must answer alike.
/// </summary>
internal static class ValidatorCommandLine
{
    /// <summary>The program's JSON report (DESIGN §6), as it prints it.</summary>
    public static string Json(string handbook, IEnumerable<(string Name, byte[] Data)> files)
    {
        var folder = Directory.CreateTempSubdirectory("validator-cli-");
        try
        {
            var names = new List<string>();
            foreach (var (name, data) in files)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, name), data);
                names.Add(name);
            }
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "validator.dll"), "--source", handbook, "--format", "json", .. names])
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode is 0 or 1, $"validator exited with {process.ExitCode}: {error.Result}");
            return output;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The report's entry of each file, by file name.</summary>
    public static Dictionary<string, JsonElement> Entries(string handbook, IEnumerable<(string Name, byte[] Data)> files)
    {
        using var json = JsonDocument.Parse(Json(handbook, files));
        return json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => f.Clone(), StringComparer.Ordinal);
    }
}
