using System.Globalization;
using Handbook.Model;
using Handbook.Schedule;

namespace Handbook.Publisher.Commands;

/// <summary>What a pull request changes for the units, section by section; each line in Chinese.</summary>
/// <param name="Templates">Files under templates/ that changed (the look), relative to that folder.</param>
/// <param name="Warnings">What the editor should fix before the change is approved.</param>
internal sealed record ChangeReport(
    string Base,
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> Schedule,
    IReadOnlyList<string> Forms,
    IReadOnlyList<string> Scoring,
    IReadOnlyList<string> Downloads,
    IReadOnlyList<string> Templates,
    IReadOnlyList<string> Warnings)
{
    public bool IsEmpty => Articles.Count + Schedule.Count + Forms.Count + Scoring.Count + Downloads.Count + Templates.Count + Warnings.Count == 0;
}

/// <summary>
/// Compares the handbook at a base revision with the working tree: articles (by id), their schedules and scoring
/// items (by task and item text), forms (by id, through <see cref="FormChanges"/>), and the downloads that follow.
/// </summary>
internal static class HandbookChanges
{
    /// <summary>The sections of an article that say what units do; a change in one is named in the report.</summary>
    private static readonly string[] Aspects = ["做什么", "谁来做", "怎么做", "何时做", "做到什么程度"];

    /// <param name="year">The year of the reminder tables and calendar named among the downloads.</param>
    public static ChangeReport Between(string baseName, Book before, Book after, IReadOnlyList<string> templates, int year)
    {
        var articles = new List<string>();
        var schedule = new List<string>();
        var scoring = new List<string>();
        var warnings = new List<string>();
        var downloads = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var old in before.Articles.Where(b => after.FindArticle(b.Id) is null))
            articles.Add($"删除：{Name(old)}");
        foreach (var now in after.Articles)
        {
            var old = before.FindArticle(now.Id);
            if (old is null)
            {
                articles.Add($"新增：{Name(now)}（{PartTitle(after, now)}）");
                schedule.AddRange(now.Schedule.Select(s => TaskAdded(now, s)));
                continue;
            }
            var aspects = ChangedAspects(old, now);
            if (aspects.Count == 0 && old.Revised == now.Revised) continue;
            var revised = old.Revised == now.Revised ? $"修订日期仍为 {Date(now.Revised)}" : $"修订日期 {Date(old.Revised)} → {Date(now.Revised)}";
            articles.Add($"修订：{Name(now)}，改动了{(aspects.Count == 0 ? "文字" : string.Join("、", aspects))}；{revised}");
            if (aspects.Count > 0 && old.Revised == now.Revised)
                warnings.Add($"{now.Path}：{Name(now)}的内容有变化，但 revised 日期未更新（仍为 {Date(now.Revised)}）。");
            schedule.AddRange(ScheduleChanges(old, now));
        }
        foreach (var old in before.Articles.Where(b => after.FindArticle(b.Id) is null))
            schedule.AddRange(old.Schedule.Select(s => TaskRemoved(old, s) + "。"));
        if (articles.Count > 0) downloads.Add(DownloadPaths.PrintedHandbook(after.Info));
        if (schedule.Count > 0)
        {
            downloads.Add(DownloadPaths.Reminders(year, "xlsx"));
            downloads.Add(DownloadPaths.Reminders(year, "docx"));
            downloads.Add(DownloadPaths.Calendar(year));
        }

        scoring.AddRange(ScoringChanges(before, after));
        var totalBefore = before.ScoringItems.Sum(s => s.Item.Points);
        var totalAfter = after.ScoringItems.Sum(s => s.Item.Points);
        if (scoring.Count > 0)
        {
            scoring.Add($"总分：{Points(totalBefore)} → {Points(totalAfter)}");
            if (totalBefore == 100 && totalAfter != 100)
                warnings.Add($"评分标准总分原为 100 分，修改后为 {Points(totalAfter)} 分，须仍为 100 分。");
            downloads.Add(DownloadPaths.ScoringWorkbook);
            downloads.Add(DownloadPaths.FeedbackWorkbook);
        }

        var forms = FormChangesBetween(baseName, before, after, warnings, downloads);
        return new ChangeReport(baseName, articles, schedule, forms, scoring, [.. downloads], templates, warnings);
    }

    /// <summary>Which of 做什么 … 做到什么程度 changed: a front-matter key or the body section of that name.</summary>
    private static List<string> ChangedAspects(Article old, Article now)
    {
        var oldSections = Sections(old.Body);
        var newSections = Sections(now.Body);
        var changed = new List<string>();
        if (old.Title != now.Title) changed.Add("标题");
        foreach (var aspect in Aspects)
        {
            var frontMatter = aspect switch
            {
                "谁来做" => old.Owner != now.Owner,
                "何时做" => !old.Schedule.SequenceEqual(now.Schedule),
                "做到什么程度" => !old.Scoring.SequenceEqual(now.Scoring),
                _ => false,
            };
            if (frontMatter || oldSections.GetValueOrDefault(aspect) != newSections.GetValueOrDefault(aspect)) changed.Add(aspect);
        }
        if (!old.Forms.SequenceEqual(now.Forms)) changed.Add("所需表单");
        if (changed.Count == 0 && Normalize(old.Body) != Normalize(now.Body)) changed.Add("其他文字");
        return changed;
    }

    /// <summary>The body split at its second-level headings, keyed by the heading of one of the aspects.</summary>
    private static Dictionary<string, string> Sections(string body)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                current = Aspects.FirstOrDefault(a => line[3..].Trim() == a);
            else if (current is not null)
                sections[current] = sections.GetValueOrDefault(current, "") + line.TrimEnd() + "\n";
        }
        return sections.ToDictionary(s => s.Key, s => s.Value.Trim());
    }

    private static string Normalize(string body) => string.Join("\n", body.Split('\n').Select(l => l.TrimEnd())).Trim();

    /// <summary>Tasks added, removed, moved or made more frequent, matched by task name within the article.</summary>
    private static IEnumerable<string> ScheduleChanges(Article old, Article now)
    {
        var from = $"自{Date(now.Revised)}起";
        foreach (var task in old.Schedule.Where(o => now.Schedule.All(n => n.Task != o.Task)))
            yield return $"{TaskRemoved(now, task)}，{from}。";
        foreach (var task in now.Schedule)
        {
            var was = old.Schedule.FirstOrDefault(o => o.Task == task.Task);
            if (was is null)
                yield return TaskAdded(now, task);
            else if (was != task)
            {
                var when = ScheduleText.Describe(was) == ScheduleText.Describe(task) ? ""
                    : $"时间由{ScheduleText.Describe(was)}改为{ScheduleText.Describe(task)}{(task.Every < was.Every ? "（更频繁）" : "")}";
                var by = was.By == task.By ? "" : $"负责人由{was.By}改为{task.By}";
                yield return $"{Name(now)}：任务“{task.Task}”{string.Join("，", new[] { when, by }.Where(s => s.Length > 0))}，{from}。";
            }
        }
    }

    private static IEnumerable<string> ScoringChanges(Book before, Book after)
    {
        var old = before.ScoringItems.ToList();
        var now = after.ScoringItems.ToList();
        foreach (var (article, item) in old.Where(o => !now.Any(n => n.Article.Id == o.Article.Id && n.Item.Item == o.Item.Item)))
            yield return $"{Name(article)}：删除评分项“{item.Item}”（{Points(item.Points)} 分）";
        foreach (var (article, item) in now)
        {
            var was = old.FirstOrDefault(o => o.Article.Id == article.Id && o.Item.Item == item.Item).Item;
            if (was is null)
                yield return $"{Name(article)}：新增评分项“{item.Item}”（{Points(item.Points)} 分，{item.Deduct}）";
            else if (was.Points != item.Points)
                yield return $"{Name(article)}：评分项“{item.Item}”由 {Points(was.Points)} 分改为 {Points(item.Points)} 分";
            else if (was.Deduct != item.Deduct)
                yield return $"{Name(article)}：评分项“{item.Item}”的扣分办法改为“{item.Deduct}”";
        }
    }

    private static List<string> FormChangesBetween(string baseName, Book before, Book after, List<string> warnings, SortedSet<string> downloads)
    {
        var forms = new List<string>();
        foreach (var old in before.Forms.Where(b => after.FindForm(b.Id) is null))
            forms.Add($"删除：{old.Id} {old.Title}（版本 {old.Version}）");
        foreach (var now in after.Forms)
        {
            var old = before.FindForm(now.Id);
            if (old is null)
            {
                forms.Add($"新增：{now.Id} {now.Title}（版本 {now.Version}，{now.Fields.Length} 个字段）");
                downloads.Add(DownloadPaths.FormDocument(now));
                downloads.Add(DownloadPaths.BlankForm(now));
                downloads.Add(DownloadPaths.Ledger(now));
                continue;
            }
            var fields = FormChanges.Between(old, now);
            var same = fields.Count == 0 && old.Version == now.Version && old.Title == now.Title;
            if (same) continue;
            var version = old.Version == now.Version ? $"版本仍为 {now.Version}" : $"版本 {old.Version} → {now.Version}";
            forms.Add($"{now.Id} {now.Title}：{version}{(fields.Count == 0 ? "，字段未变" : "：" + string.Join("；", fields))}");
            if (fields.Count > 0 && old.Version == now.Version)
                warnings.Add($"{now.Path}：表单 {now.Id} 的字段与 {baseName} 相比有变化，但版本号未更新。");
            downloads.Add(DownloadPaths.FormDocument(now));
            downloads.Add(DownloadPaths.BlankForm(now));
            downloads.Add(DownloadPaths.Ledger(now));
        }
        return forms;
    }

    private static string TaskAdded(Article article, ScheduleItem task) =>
        $"{Name(article)}：新增任务“{task.Task}”，由{task.By}{ScheduleText.Describe(task)}完成，自{Date(article.Revised)}起。";

    private static string TaskRemoved(Article article, ScheduleItem task) =>
        $"{Name(article)}：取消任务“{task.Task}”（原为{task.By}{ScheduleText.Describe(task)}完成）";

    private static string Name(Article article) => $"{article.Id} {article.Title}";

    private static string PartTitle(Book book, Article article) => book.Parts.First(p => p.Articles.Contains(article)).Title;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
