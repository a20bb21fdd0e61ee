using Handbook.Model;
using Handbook.Publisher.Build;
using Handbook.Validator;

namespace Handbook.Publisher.Site;

/// <summary>
/// The browser validator of the page 校验记录 (docs/browser-validator.md): the published WebAssembly build shipped
/// beside the program (browser-validator/, see Publisher.csproj), copied into the site's validator/, and the forms and
/// rules of the handbook being built as validator/handbook.bin (<see cref="ValidatorData"/>), which the browser reads.
/// </summary>
internal static class ValidatorFiles
{
    public const string Folder = "validator";
    public const string HandbookData = "handbook.bin";

    public static void Write(Book book, string output)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "browser-validator");
        if (!File.Exists(Path.Combine(shipped, "handbook-validator.js")))
            throw new BuildException($"错误：程序旁没有网页校验程序“{shipped}”：请用 dotnet build src/Publisher 重新生成本程序。");
        OutputFile.CopyFolder(shipped, Path.Combine(output, Folder));
        WriteHandbook(book, Path.Combine(output, Folder, HandbookData));
    }

    /// <summary>The forms and rules of the handbook as validator/handbook.bin (`serve` writes it again when they change).</summary>
    public static void WriteHandbook(Book book, string path)
    {
        using var file = File.Create(path);
        ValidatorData.Write(file, book);
    }
}
