using Handbook.Model;
using Handbook.Office.Word;

namespace Handbook.Publisher.Build;

/// <summary>The printable handbook (downloads/&lt;title&gt;.docx).</summary>
internal sealed class PrintedHandbookOutput : IOutput
{
    public string Name => "handbook";

    public void Write(Book book, BuildContext context)
    {
        var path = Path.Combine(context.Output, DownloadPaths.PrintedHandbook(book.Info));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, PrintedHandbook.Create(book, context.Templates));
    }
}
