using System.Globalization;
using System.Net;
using System.Text;
using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Office.Word;
using Handbook.Schedule;

namespace Handbook.Office.Reminders;

/// <summary>The work reminder table of a year as a Word document: simple HTML, month by month, through the one HTML converter.</summary>
public static class ReminderDocument
{
    public static byte[] Create(Book book, int year, IReadOnlyList<Reminder> reminders, string templatesDir) =>
        Create(book, year, reminders, StyleSheet.Load(templatesDir));

    public static byte[] Create(Book book, int year, IReadOnlyList<Reminder> reminders, StyleSheet sheet)
    {
        using var package = new WordPackage(sheet);
        var converter = new HtmlConverter(package, new ConverterOptions());
        package.Body.Append(converter.Convert(Html(book, year, reminders)));
        package.SetTitle($"{year}年工作提醒表");
        return package.Finish();
    }

    /// <summary>Widths that keep a role such as 支部组织委员 on one line and leave room to write a date under 完成.</summary>
    private const string Columns = "<col width=\"13%\"><col width=\"33%\"><col width=\"23%\"><col width=\"17%\"><col width=\"14%\">";

    public static string Html(Book book, int year, IReadOnlyList<Reminder> reminders)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"FormTitle\">{year}年工作提醒表</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"FormCode\">{E(book.Info.Organization)}　依据《{E(book.Info.Title)}》（{E(book.Info.Edition)}）</p>");
        var first = true;
        foreach (var month in reminders.GroupBy(r => r.Month).OrderBy(g => g.Key))
        {
            // A month to a page; its name is a header row, so a page it runs onto says which month it is.
            if (!first) html.Append("<hr class=\"page-break\">");
            first = false;
            html.Append(CultureInfo.InvariantCulture, $"<table><colgroup>{Columns}</colgroup><thead><tr><th colspan=\"5\" class=\"FormSection\">"
                + $"{E(ReminderWorkbook.MonthHeading(month.Key, month.Count()))}</th></tr>");
            html.Append("<tr><th>截止日期</th><th>工作任务</th><th>所属条目</th><th>责任人</th><th>完成</th></tr></thead><tbody>");
            foreach (var r in month)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Date.Month}月{r.Date.Day}日</td><td>{E(r.Task)}</td>"
                    + $"<td>{E(r.Article.Id)} {E(r.Article.Title)}</td><td>{E(r.By)}</td><td></td></tr>");
            html.Append("</tbody></table>");
        }
        return html.ToString();
    }
}
