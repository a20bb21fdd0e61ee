using System.IO.Compression;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// The browser validator of the page 校验记录 (docs/browser-validator.md): the published WebAssembly build shipped
/// beside the program (browser-validator/, see Publisher.csproj), copied into the site's validator/, and the sources of the
/// handbook being built as validator/handbook.zip, which the browser reads with the same loader as the command line.
/// </summary>
internal static class ValidatorFiles
{
    public const string Folder = "validator";
    public const string HandbookZip = "handbook.zip";

    public static void Write(Book book, string output)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "browser-validator");
        if (!File.Exists(Path.Combine(shipped, "handbook-validator.js")))
            throw new BuildException($"错误：程序旁没有网页校验程序“{shipped}”：请用 dotnet build src/Publisher 重新生成本程序。");
        OutputFile.CopyFolder(shipped, Path.Combine(output, Folder));
        WriteHandbook(book, Path.Combine(output, Folder, HandbookZip));
    }

    /// <summary>
    /// The handbook's sources as validator/handbook.zip (`serve` writes it again when they change). Deflate's fastest
    /// level: the zip of a 5,000-chapter handbook took longer at the optimal one than all its pages.
    /// </summary>
    public static void WriteHandbook(Book book, string path)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var file in SourceFiles(book))
            zip.CreateEntryFromFile(Path.Combine(book.Root, file), file.Replace('\\', '/'), CompressionLevel.Fastest);
    }

    /// <summary>What BookLoader reads: handbook.yml, the parts' articles and the forms (not the Word templates or images).</summary>
    private static IEnumerable<string> SourceFiles(Book book) =>
        [
            BookLoader.MetadataFile,
            .. book.Parts.SelectMany(p => Files(book.Root, p.Folder, "*.md")),
            .. Files(book.Root, BookLoader.FormsFolder, "*.yml"),
        ];

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(root, f))
            : [];
    }
}
