namespace Handbook.Publisher.Build;

/// <summary>
/// Builds into a temporary folder beside the target and moves it into place only when every output
/// is complete, so an interrupted or failed build never leaves a half-written site.
/// </summary>
internal static class StagedBuild
{
    /// <param name="keepExisting">Start from a copy of the current output (a build of some outputs only).</param>
    public static void Run(string target, bool keepExisting, Action<string> write)
    {
        target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var id = Guid.NewGuid().ToString("N")[..8];
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.building-{id}");
        var old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{id}");
        try
        {
            Directory.CreateDirectory(staging);
            if (keepExisting && Directory.Exists(target)) OutputFile.CopyFolder(target, staging);
            write(staging);
            if (Directory.Exists(target)) Directory.Move(target, old);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }
}
