using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests.Word;

/// <summary>The repository this test runs in: its handbook and templates.</summary>
internal static class TestRepository
{
    public static string Templates => RepositoryPaths.Templates;

    private static readonly Lazy<Book> DefaultBook = new(() => Load(RepositoryPaths.Handbook));

    /// <summary>The default handbook of the repository.</summary>
    public static Book Book => DefaultBook.Value;

    public static Book Load(string handbookDir)
    {
        var result = BookLoader.Load(handbookDir);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Book!;
    }
}
