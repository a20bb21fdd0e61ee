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

    /// <summary>Copies a folder's files, with their subfolders, over whatever the target already has.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            CopyFile(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
