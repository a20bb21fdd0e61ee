namespace Handbook.Tests;

/// <summary>A copy of a fixture handbook in a temporary folder, for a test to break in one place.</summary>
public sealed class FixtureHandbook : IDisposable
{
    public FixtureHandbook(string name = "minimal")
    {
        Root = Path.Combine(Path.GetTempPath(), "handbook-test-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Replaces text in a file; fails the test if the text is not there.</summary>
    public void Replace(string path, string find, string replace)
    {
        var text = Read(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        Write(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
