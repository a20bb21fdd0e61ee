using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Handbook.Publisher.Build;

internal static class OutputFile
{
    /// <summary>
    /// Writes a file anew. Not File.WriteAllBytes: it opens with FileMode.Create, which truncates, and a truncated
    /// file is flushed to disk when closed (ext4's auto_da_alloc); over thousands of pages that is seconds of CPU.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path)) // a build of some outputs starts from a copy of the others
        {
            File.Delete(path);
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        using (handle) RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Writes text as UTF-8 without a byte order mark.</summary>
    public static void Write(string path, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Write(path, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
