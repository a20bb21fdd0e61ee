using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Model;
using Handbook.Schedule;

namespace Handbook.Office.Sheets;

/// <summary>
/// The work reminder table (工作提醒表) of a year as a workbook: the reminders month by month, each with its
/// deadline, task, timing, article and who does it, and columns for the unit to mark what is done.
/// </summary>
public static class ReminderWorkbook
{
    public const int HeaderRow = 3;
    public const int DateColumn = 2, TaskColumn = 3, ArticleColumn = 5, ByColumn = 6, DoneColumn = 7, DoneDateColumn = 8;

    private static readonly string[] Headers = ["序号", "截止日期", "工作任务", "时间要求", "所属条目", "责任人", "完成情况", "完成日期", "备注"];
    private static readonly double[] Widths = [6, 12, 40, 20, 26, 14, 10, 12, 16];

    public static string Title(int year) => $"{year}年工作提醒表";

    /// <summary>How a month's section row reads: “1月（8项）”. Readers find the months by it.</summary>
    public static string MonthHeading(int month, int count) => $"{month}月（{count}项）";

    public static WorksheetSpec Create(Book book, int year, IReadOnlyList<Reminder> reminders)
    {
        var sheet = new WorksheetSpec(Title(year))
        {
            FrozenRows = HeaderRow, PrintTitleRow = HeaderRow, PageHeader = $"{book.Info.Title}（{book.Info.Edition}）",
        };
        foreach (var width in Widths) sheet.Columns.Add(new Column(width));
        sheet.AddTitle(Title(year), $"{book.Info.Organization}　依据《{book.Info.Title}》（{book.Info.Edition}）", Headers.Length);
        sheet.Add(new SheetRow([.. Headers.Select(Cell.Header)], 22));

        var number = 0;
        foreach (var month in reminders.GroupBy(r => r.Month).OrderBy(g => g.Key))
        {
            var section = sheet.Add(new SheetRow([new Cell(MonthHeading(month.Key, month.Count()), CellStyle.Section),
                .. Enumerable.Repeat(new Cell(null, CellStyle.Section), Headers.Length - 1)]));
            sheet.Merge(section, 1, Headers.Length);
            foreach (var reminder in month)
            {
                var row = sheet.Add(
                    new Cell(++number, CellStyle.BodyCentered),
                    new Cell(reminder.Date, CellStyle.BodyMonthDay),
                    new Cell(reminder.Task, CellStyle.Body),
                    new Cell(ScheduleText.Describe(reminder.Item), CellStyle.Body),
                    new Cell($"{reminder.Article.Id} {reminder.Article.Title}", CellStyle.Body),
                    new Cell(reminder.By, CellStyle.Body),
                    new Cell(null, CellStyle.Input),
                    new Cell(null, CellStyle.InputDate),
                    new Cell(null, CellStyle.InputText));
                sheet.Validations.Add(new InputRule(CellReference.Of(DoneColumn, row), DataValidationValues.List, null,
                    "\"已完成,未完成\"", null, "完成情况", "选择“已完成”或“未完成”", "请从下拉列表中选择"));
                sheet.Validations.Add(new InputRule(CellReference.Of(DoneDateColumn, row), DataValidationValues.Date,
                    DataValidationOperatorValues.Between, ExcelDate.Serial(new DateOnly(year, 1, 1)).ToString(CultureInfo.InvariantCulture),
                    ExcelDate.Serial(new DateOnly(year + 1, 12, 31)).ToString(CultureInfo.InvariantCulture), "完成日期", "填写完成的日期，如 2026-03-25",
                    $"请填写 {year} 年或次年的日期"));
            }
        }
        return sheet;
    }
}
