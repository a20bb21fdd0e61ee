using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Schedule;
using Handbook.Tests.Word;

namespace Handbook.Tests.Sheets;

/// <summary>The reminder table of the default handbook, read back and checked against the articles' front matter.</summary>
public sealed class ReminderWorkbookTests
{
    private const int Year = 2027;

    private static Workbook Create() =>
        Workbook.Write([ReminderWorkbook.Create(TestRepository.Book, Year, ReminderCalendar.For(TestRepository.Book, Year))]);

    /// <summary>The months a schedule item falls in, worked out from the source format's rules (docs/FORMAT.md).</summary>
    private static IEnumerable<int> ExpectedMonths(ScheduleItem item)
    {
        int MonthIn(int length) => item.Due.Month == 0 ? length : item.Due.Month;
        return item.Every switch
        {
            Recurrence.Quarter => [MonthIn(3), MonthIn(3) + 3, MonthIn(3) + 6, MonthIn(3) + 9],
            Recurrence.HalfYear => [MonthIn(6), MonthIn(6) + 6],
            Recurrence.Year => [MonthIn(12)],
            _ => Enumerable.Range(1, 12),
        };
    }

    /// <summary>(month, article id, task, deadline) of every reminder row, the month taken from the section row above it.</summary>
    private static List<(int Month, string Article, string Task, string By, DateOnly Date)> ReadRows(Workbook book)
    {
        var name = ReminderWorkbook.Title(Year);
        var rows = new List<(int, string, string, string, DateOnly)>();
        var month = 0;
        var last = book.Sheet(name).Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Max(r => (int)r.RowIndex!.Value);
        for (var row = ReminderWorkbook.HeaderRow + 1; row <= last; row++)
        {
            var first = book.Text(name, $"A{row}");
            if (first.EndsWith("项）", StringComparison.Ordinal))
            {
                month = int.Parse(first[..first.IndexOf('月', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                continue;
            }
            rows.Add((month, book.Text(name, $"E{row}").Split(' ')[0], book.Text(name, $"C{row}"), book.Text(name, $"F{row}"),
                ExcelDate.FromSerial(double.Parse(book.Text(name, $"B{row}"), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    [Fact]
    public void EveryScheduledTaskAppearsInItsMonthsOnceWithItsDeadlineInThatMonth()
    {
        using var book = Create();
        var rows = ReadRows(book);
        var expected = TestRepository.Book.Articles
            .SelectMany(a => a.Schedule.SelectMany(item => ExpectedMonths(item).Select(m => (m, a.Id, item.Task, item.By))))
            .OrderBy(x => x).ToList();
        Assert.Equal(expected, rows.Select(r => (r.Month, r.Article, r.Task, r.By)).OrderBy(x => x).ToList());
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.All(rows, r => Assert.Equal((Year, r.Month), (r.Date.Year, r.Date.Month)));
        Assert.Equal(rows.OrderBy(r => r.Date).Select(r => r.Date), rows.Select(r => r.Date));
    }

    [Fact]
    public void MonthlyTaskDeadlinesFollowTheirDueDayClampedToTheMonth()
    {
        using var book = Create();
        var rows = ReadRows(book);
        foreach (var article in TestRepository.Book.Articles)
            foreach (var item in article.Schedule.Where(i => i.Every == Recurrence.Month && i.Due.Day > 0))
                foreach (var row in rows.Where(r => r.Article == article.Id && r.Task == item.Task))
                    Assert.Equal(Math.Min(item.Due.Day, DateTime.DaysInMonth(Year, row.Month)), row.Date.Day);
    }

    [Fact]
    public void HeaderIsFrozenAndTheDoneColumnsValidateAndTheSheetPassesSchemaValidation()
    {
        using var book = Create();
        var name = ReminderWorkbook.Title(Year);
        Assert.Equal(["序号", "截止日期", "工作任务", "时间要求", "所属条目", "责任人", "完成情况", "完成日期", "备注"],
            book.Row(name, ReminderWorkbook.HeaderRow, 9));
        Assert.Equal(ReminderWorkbook.HeaderRow, book.Sheet(name).Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().VerticalSplit!.Value);
        var firstTask = ReminderWorkbook.HeaderRow + 2;
        Assert.Equal("\"已完成,未完成\"", book.ValidationAt(name, $"G{firstTask}").Formula1!.Text);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(book.Document).Select(e => e.Description));
    }

    /// <summary>Printed like the .docx: its subtitle, dates as 1月1日, every row with room above and below its text.</summary>
    [Fact]
    public void DatesReadAsInTheDocumentAndRowsHaveRoomAroundTheirText()
    {
        using var book = Create();
        var name = ReminderWorkbook.Title(Year);
        Assert.Equal($"{TestRepository.Book.Info.Organization}　依据《{TestRepository.Book.Info.Title}》（{TestRepository.Book.Info.Edition}）", book.Text(name, "A2"));
        var rows = book.Sheet(name).Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Where(r => r.RowIndex!.Value > ReminderWorkbook.HeaderRow).ToList();
        var taskRows = rows.Where(r => !book.Text(name, $"A{r.RowIndex!.Value}").EndsWith("项）", StringComparison.Ordinal)).ToList();
        Assert.All(taskRows, r => Assert.Equal((uint)CellStyle.BodyMonthDay, book.CellAt(name, $"B{r.RowIndex!.Value}")!.StyleIndex!.Value));
        Assert.All(taskRows, r => Assert.True(r.Height?.Value >= 20, $"row {r.RowIndex!.Value}: {r.Height?.Value}"));
        var format = book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>();
        Assert.Contains(format, f => f.FormatCode == "m\"月\"d\"日\"");
    }
}
