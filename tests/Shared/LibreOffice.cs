using System.Diagnostics;

namespace Handbook.Tests;

/// <summary>Runs LibreOffice headless: one invocation for many files, with its own profile so parallel runs do not collide.</summary>
internal static class LibreOffice
{
    /// <summary>Converts every file to the format (e.g. "xlsx", "pdf") into the folder; returns the converted paths by input path.</summary>
    public static IReadOnlyDictionary<string, string> Convert(IReadOnlyCollection<string> files, string format, string folder)
    {
        var profile = Path.Combine(Path.GetTempPath(), "lo-test-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("soffice")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", format, "--outdir", folder })
            start.ArgumentList.Add(argument);
        foreach (var file in files) start.ArgumentList.Add(file);
        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("soffice could not be started (install libreoffice-writer-nogui).");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice did not finish converting in 5 minutes");
            }
            Assert.True(process.ExitCode == 0, $"soffice failed: {output.Result}{error.Result}");
            var result = files.ToDictionary(f => f, f => Path.Combine(folder, Path.GetFileNameWithoutExtension(f) + "." + format));
            var missing = result.Values.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"LibreOffice did not convert {string.Join(", ", missing)}:\n{output.Result}\n{error.Result}");
            return result;
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }
}
