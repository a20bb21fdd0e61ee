using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Office.Reminders;
using Handbook.Office.Sheets;
using Handbook.Office.Word;
using Handbook.Schedule;

namespace Handbook.Tests.Word;

public sealed class ReminderDocumentTests
{
    private const int Year = 2027;

    private static WordprocessingDocument Open()
    {
        var book = TestRepository.Book;
        var bytes = ReminderDocument.Create(book, Year, ReminderCalendar.For(book, Year), TestRepository.Templates);
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    [Fact]
    public void Each_month_starts_a_page_and_its_name_repeats_on_the_pages_it_runs_onto()
    {
        using var document = Open();
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();
        var months = ReminderCalendar.For(TestRepository.Book, Year).GroupBy(r => r.Month).OrderBy(g => g.Key).ToList();
        Assert.Equal(months.Count, tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var rows = tables[i].Elements<TableRow>().ToList();
            Assert.Equal(ReminderWorkbook.MonthHeading(months[i].Key, months[i].Count()), rows[0].InnerText);
            Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
            if (i > 0) Assert.Equal(BreakValues.Page, tables[i].PreviousSibling<Paragraph>()!.Descendants<Break>().Single().Type!.Value);
        }
    }

    [Fact]
    public void Roles_fit_on_one_line_and_the_done_column_holds_a_date()
    {
        using var document = Open();
        var grid = document.MainDocumentPart!.Document.Body!.Elements<Table>().First().GetFirstChild<TableGrid>()!
            .Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture) / 56.7).ToList();
        var longestRole = ReminderCalendar.For(TestRepository.Book, Year).Max(r => r.By.Length);
        // 五号 text: a Chinese character is 3.7 mm; the cell's padding takes 3 mm.
        Assert.True(grid[3] >= longestRole * 3.7 + 3, $"责任人 {grid[3]:0.0} mm for {longestRole} characters");
        Assert.True(grid[4] >= FormLayout.LabelMm("12月31日"), $"完成 {grid[4]:0.0} mm");
    }
}
