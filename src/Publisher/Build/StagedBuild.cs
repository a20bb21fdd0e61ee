namespace Handbook.Publisher.Build;

/// <summary>
/// Builds into a temporary folder beside the target and moves it into place only when every output
/// is complete, so an interrupted or failed build never leaves a half-written site, and never loses the previous one:
/// it is deleted only once the new one is in place.
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
            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                if (Directory.Exists(old)) Directory.Move(old, target);
                throw;
            }
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            // Should putting the previous site back have failed too, it stays beside the target rather than being lost.
            if (Directory.Exists(old) && Directory.Exists(target)) Directory.Delete(old, recursive: true);
        }
    }
}
