namespace Handbook.Tests;

/// <summary>The repository's own folders (the default handbook and templates), found from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Handbook => Path.Combine(Root, "handbook");

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Handbook.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Handbook.sln not found above the test binaries");
    }
}
