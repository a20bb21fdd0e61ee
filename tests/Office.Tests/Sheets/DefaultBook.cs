using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests.Sheets;

/// <summary>The default handbook of the repository, loaded once.</summary>
internal static class DefaultBook
{
    public static Book Book { get; } = Load();

    private static Book Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Handbook.sln"))) continue;
            var result = BookLoader.Load(Path.Combine(dir.FullName, "handbook"));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            return result.Book!;
        }
        throw new InvalidOperationException("Handbook.sln not found above the test folder");
    }
}
