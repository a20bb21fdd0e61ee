using Handbook.Model;

namespace Handbook;

/// <summary>
/// Where each download lives in the built site, relative to the site root with '/' separators. The
/// writers write there and the site links there, so the names are decided in one place.
/// </summary>
public static class DownloadPaths
{
    public const string Folder = "downloads";

    public static string FormDocument(Form form) => $"{Folder}/forms/{form.Id}-{form.Title}-{form.Version}.docx";

    /// <summary>The form's print-ready blank, for filling in by hand.</summary>
    public static string BlankForm(Form form) => $"{Folder}/forms/{form.Id}-{form.Title}-{form.Version}-打印空白表.docx";

    public static string Ledger(Form form) => $"{Folder}/ledgers/{form.Id}-{form.Title}台账-{form.Version}.xlsx";

    public static string PrintedHandbook(BookInfo info) => $"{Folder}/{info.Title}.docx";

    public static string Reminders(int year, string extension) => $"{Folder}/工作提醒表-{year}.{extension}";

    public static string Calendar(int year) => $"{Folder}/工作日历-{year}.ics";

    public static string ScoringWorkbook => $"{Folder}/对标自查评分表.xlsx";

    public static string FeedbackWorkbook => $"{Folder}/检查调研情况反馈单.xlsx";
}
