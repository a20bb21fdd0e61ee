using Handbook.Model;
using Handbook.Office.Word;

namespace Handbook.Publisher.Build;

/// <summary>The fill-in Word form of every form of the handbook and its print-ready blank (downloads/forms/*.docx).</summary>
internal sealed class FormsOutput : IOutput
{
    public string Name => "forms";

    public void Write(Book book, BuildContext context)
    {
        // Each form is a document of its own: they are made in parallel.
        Parallel.ForEach(book.Forms, form =>
        {
            File.WriteAllBytes(OutputFile.Prepare(context, DownloadPaths.FormDocument(form)),
                FormDocument.Create(book, form, context.Layouts.Styles, context.Layouts.Forms));
            File.WriteAllBytes(OutputFile.Prepare(context, DownloadPaths.BlankForm(form)),
                FormDocument.Create(book, form, context.Layouts.Styles, context.Layouts.Forms, forHand: true));
        });
    }
}
