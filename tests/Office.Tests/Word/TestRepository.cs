using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests.Word;

/// <summary>The repository this test runs in: its handbook and templates.</summary>
internal static class TestRepository
{
    public static readonly string Root = FindRoot();
    public static string Templates => Path.Combine(Root, "templates");

    private static readonly Lazy<Book> DefaultBook = new(() => Load(Path.Combine(Root, "handbook")));

    /// <summary>The default handbook of the repository.</summary>
    public static Book Book => DefaultBook.Value;

    public static Book Load(string handbookDir)
    {
        var result = BookLoader.Load(handbookDir);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Book!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Handbook.sln"))) return dir.FullName;
        throw new InvalidOperationException("Handbook.sln not found above the test directory.");
    }
}
