using System.Diagnostics;

namespace Handbook.Tests.Word;

/// <summary>LibreOffice headless conversions, many files in one run, with a private user profile.</summary>
internal static class Soffice
{
    public static void Convert(IReadOnlyCollection<string> files, string format, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"lo-word-tests-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("soffice")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", format, "--outdir", outDir })
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
                throw new TimeoutException("soffice did not finish within 5 minutes.");
            }
            Assert.True(process.ExitCode == 0, $"soffice failed: {output.Result}{error.Result}");
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }
}
