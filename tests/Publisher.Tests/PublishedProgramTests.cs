using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Handbook.Publisher;

namespace Handbook.Tests;

/// <summary>
/// The program as installed, `dotnet publish` (compiled ahead of time, Native AOT: reflection it cannot keep fails only
/// there), builds what the tests' in-process build makes, and checks.
/// </summary>
public sealed partial class PublishedProgramTests : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "handbook-published-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void ThePublishedProgramBuildsAndChecksLikeTheLibrary()
    {
        var program = Path.Combine(_work, "publisher", "publisher");
        var publish = Run("dotnet", RepositoryPaths.Root, "publish", Path.Combine(RepositoryPaths.Root, "src", "Publisher"), "-c", "Release",
            "-o", Path.GetDirectoryName(program)!, "--nologo", "-v", "quiet");
        Assert.True(publish.Exit == 0, publish.Output);

        string[] build = ["build", "--source", RepositoryPaths.Handbook, "--templates", RepositoryPaths.Templates, "--year", "2026", "--out"];
        var published = Path.Combine(_work, "published");
        var run = Run(program, _work, [.. build, published]);
        Assert.True(run.Exit == 0, run.Output);
        var library = Path.Combine(_work, "library");
        Assert.Equal(0, PublisherCli.Create().Parse([.. build, library])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }));

        var files = Files(library);
        Assert.Equal(files, Files(published));
        Assert.Contains(files, f => f.EndsWith(".docx", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.True(Content(Path.Combine(library, file)) == Content(Path.Combine(published, file)), $"{file} differs between the published program and the library");

        var check = Run(program, _work, "check", "--source", RepositoryPaths.Handbook, "--templates", RepositoryPaths.Templates);
        Assert.True(check.Exit == 0, check.Output);
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// What a file says: a package's parts by name, with the random relationship ids and the calendar's time stamp
    /// (both differ between any two builds) taken out.
    /// </summary>
    private static string Content(string path)
    {
        if (path.EndsWith(".ics", StringComparison.Ordinal)) return Stamp().Replace(File.ReadAllText(path), "DTSTAMP:");
        if (!path.EndsWith(".docx", StringComparison.Ordinal) && !path.EndsWith(".xlsx", StringComparison.Ordinal) && !path.EndsWith(".zip", StringComparison.Ordinal))
            return Convert.ToBase64String(File.ReadAllBytes(path));
        using var zip = ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.Latin1);
            text.Append(entry.FullName).Append('\n').Append(RelationshipId().Replace(reader.ReadToEnd(), "R")).Append('\n');
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\bR[0-9a-f]{16}\b")]
    private static partial Regex RelationshipId();

    [GeneratedRegex(@"DTSTAMP:\d{8}T\d{6}Z")]
    private static partial Regex Stamp();

    private static (int Exit, string Output) Run(string file, string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }
}
