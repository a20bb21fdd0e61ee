using System.Globalization;
using System.Net;
using System.Text;
using Handbook.Model;
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

    public static string Html(Book book, int year, IReadOnlyList<Reminder> reminders)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"FormTitle\">{year}年工作提醒表</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"FormCode\">{E(book.Info.Organization)}　依据《{E(book.Info.Title)}》（{E(book.Info.Edition)}）</p>");
        foreach (var month in reminders.GroupBy(r => r.Month).OrderBy(g => g.Key))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{month.Key}月</h2>");
            html.Append("<table><colgroup><col width=\"14%\"><col width=\"42%\"><col width=\"22%\"><col width=\"14%\"><col width=\"8%\"></colgroup>");
            html.Append("<thead><tr><th>截止日期</th><th>工作任务</th><th>所属条目</th><th>责任人</th><th>完成</th></tr></thead><tbody>");
            foreach (var r in month)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Date.Month}月{r.Date.Day}日</td><td>{E(r.Task)}</td>"
                    + $"<td>{E(r.Article.Id)} {E(r.Article.Title)}</td><td>{E(r.By)}</td><td></td></tr>");
            html.Append("</tbody></table>");
        }
        return html.ToString();
    }
}
