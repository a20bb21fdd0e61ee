namespace Handbook.Publisher.Build;

internal static class OutputFile
{
    /// <summary>The full path of a download in the staging folder, its folder created.</summary>
    public static string Prepare(BuildContext context, string relativePath)
    {
        var path = Path.Combine(context.Output, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
