using Handbook.Model;
using Handbook.Office.Word;

namespace Handbook.Publisher.Build;

/// <summary>The printable handbook (downloads/&lt;title&gt;.docx).</summary>
internal sealed class PrintedHandbookOutput : IOutput
{
    public string Name => "handbook";

    public void Write(Book book, BuildContext context)
    {
        File.WriteAllBytes(OutputFile.Prepare(context, DownloadPaths.PrintedHandbook(book.Info)),
            PrintedHandbook.Create(book, context.Layouts.Styles));
    }
}
