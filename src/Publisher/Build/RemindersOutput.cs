using System.Text;
using Handbook.Model;
using Handbook.Office.Calendar;
using Handbook.Office.Reminders;
using Handbook.Office.Sheets;
using Handbook.Schedule;

namespace Handbook.Publisher.Build;

/// <summary>The work reminder table of the build's year (.xlsx, .docx) and its calendar (.ics).</summary>
internal sealed class RemindersOutput : IOutput
{
    public string Name => "reminders";

    public void Write(Book book, BuildContext context)
    {
        var reminders = ReminderCalendar.For(book, context.Year);
        // A handbook without schedules has nothing to remind of.
        if (reminders.Count == 0) return;
        WorkbookWriter.Write(OutputFile.Prepare(context, DownloadPaths.Reminders(context.Year, "xlsx")),
            [ReminderWorkbook.Create(book, context.Year, reminders)]);
        File.WriteAllBytes(OutputFile.Prepare(context, DownloadPaths.Reminders(context.Year, "docx")),
            ReminderDocument.Create(book, context.Year, reminders, context.Layouts.Styles));
        File.WriteAllText(OutputFile.Prepare(context, DownloadPaths.Calendar(context.Year)),
            ReminderEvents.Write(book, context.Year, reminders, DateTimeOffset.UtcNow), new UTF8Encoding(false));
    }
}
