using System.IO.Compression;
using Handbook.Validator.Findings;
using Handbook.Validator.Packaging;

namespace Handbook.Validator.Running;

/// <summary>
/// Turns the paths a reviewer gives into records: files as they are, folders recursively (office lock
/// files and hidden files skipped), .zip archives entry by entry. Archives stay open until disposed.
/// </summary>
public sealed class InputExpander : IDisposable
{
    private readonly List<ZipArchive> archives = [];

    /// <exception cref="FileNotFoundException">A path that does not exist: the run cannot proceed.</exception>
    /// <remarks>A .zip that cannot be opened, or holds too many entries, is one record refused with that finding.</remarks>
    public List<RecordSource> Expand(IEnumerable<string> paths, PackageLimits limits)
    {
        var sources = new List<RecordSource>();
        foreach (var path in paths)
        {
            var shown = path.Replace('\\', '/');
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => !Skipped(System.IO.Path.GetFileName(f)))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    var relative = System.IO.Path.GetRelativePath(path, file).Replace('\\', '/');
                    AddFile(sources, shown is "." or "./" ? relative : $"{shown.TrimEnd('/')}/{relative}", file, limits);
                }
            }
            else if (File.Exists(path)) AddFile(sources, shown, path, limits);
            else throw new FileNotFoundException($"找不到文件或文件夹“{path}”", path);
        }
        return sources;
    }

    private void AddFile(List<RecordSource> sources, string shown, string file, PackageLimits limits)
    {
        if (!file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            sources.Add(new FileSource(shown, file));
            return;
        }
        ZipArchive archive;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            sources.Add(new RefusedSource(shown, CorruptArchive()));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sources.Add(new RefusedSource(shown, Finding.Error(Codes.Unreadable, $"无法读取压缩包：{e.Message}")));
            return;
        }
        archives.Add(archive);
        try
        {
            // Read here, not by the constructor: a central directory that is there but wrong fails now.
            entries = archive.Entries;
        }
        catch (InvalidDataException)
        {
            sources.Add(new RefusedSource(shown, CorruptArchive()));
            return;
        }
        if (entries.Count > limits.MaxEntries * 50)
        {
            sources.Add(new RefusedSource(shown, Finding.Error(Codes.ZipBomb, $"压缩包内有 {entries.Count} 个条目，超过上限，拒绝解压")));
            return;
        }
        var gate = new object();
        foreach (var entry in entries.Where(e => e.Name.Length > 0 && !Skipped(e.Name) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            sources.Add(new ZipEntrySource($"{shown}/{entry.FullName}", entry, gate));
    }

    private static Finding CorruptArchive() =>
        Finding.Error(Codes.CorruptPackage, "压缩包已损坏或不完整，无法打开，其中的记录都未检查；请重新打包提交");

    /// <summary>Files no reviewer means to validate: Word's lock files (~$x.docx), hidden files, OS clutter.</summary>
    private static bool Skipped(string name) =>
        name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.')
        || name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase) || name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        foreach (var archive in archives) archive.Dispose();
    }
}
