using Handbook.Model;
using Handbook.Office.Sheets;

namespace Handbook.Publisher.Build;

/// <summary>The ledger template (.xlsx) of every form.</summary>
internal sealed class LedgersOutput : IOutput
{
    public string Name => "ledgers";

    public void Write(Book book, BuildContext context)
    {
        Parallel.ForEach(book.Forms, form =>
            WorkbookWriter.Write(OutputFile.Prepare(context, DownloadPaths.Ledger(form)), LedgerWorkbook.Template(book.Info, form)));
    }
}
