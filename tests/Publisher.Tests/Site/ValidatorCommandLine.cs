using System.Diagnostics;
using System.Text.Json;

namespace Handbook.Tests.Site;

/// <summary>
/// The validator program run as a reviewer runs it, `validator FOLDER --source HANDBOOK --format json`, on files
/// written to a temporary folder: its report's entry (DESIGN §6) of each file, by file name.
/// </summary>
internal static class ValidatorCommandLine
{
    public static Dictionary<string, JsonElement> Entries(string handbook, IEnumerable<(string Name, byte[] Data)> files)
    {
        var folder = Directory.CreateTempSubdirectory("validator-cli-").FullName;
        try
        {
            var records = Directory.CreateDirectory(Path.Combine(folder, "records")).FullName;
            foreach (var (name, data) in files) File.WriteAllBytes(Path.Combine(records, name), data);
            var report = Path.Combine(folder, "report.json");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "validator.dll"), records, "--source", handbook, "--format", "json", "--out", report })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode is 0 or 1, $"validator exited with {process.ExitCode}: {error.Result}");
            using var json = JsonDocument.Parse(File.ReadAllBytes(report));
            return json.RootElement.GetProperty("files").EnumerateArray()
                .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => f.Clone(), StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
