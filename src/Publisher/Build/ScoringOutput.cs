using Handbook.Model;
using Handbook.Office.Sheets;

namespace Handbook.Publisher.Build;

/// <summary>The self-check scoring workbook (对标自查评分表.xlsx) and the inspection feedback workbook (检查调研情况反馈单.xlsx).</summary>
internal sealed class ScoringOutput : IOutput
{
    public string Name => "scoring";

    public void Write(Book book, BuildContext context)
    {
        // A handbook without scoring standards has nothing to score against.
        if (!book.ScoringItems.Any()) return;
        WorkbookWriter.Write(OutputFile.Prepare(context, DownloadPaths.ScoringWorkbook), [ScoringWorkbook.Create(book).Sheet]);
        WorkbookWriter.Write(OutputFile.Prepare(context, DownloadPaths.FeedbackWorkbook), FeedbackWorkbook.Create(book).Sheets);
    }
}
