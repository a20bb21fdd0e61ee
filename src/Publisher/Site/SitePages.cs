using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Handbook.Model;
using Handbook.Office.Templates;
using Handbook.Schedule;

namespace Handbook.Publisher.Site;

/// <summary>
/// Builds the model each page template receives. Every page gets Site, Root (the way back to the site
/// root, to prefix the root-relative URLs in the model), Title and Nav; the rest is per page. docs/templates.md
/// lists every variable: a change here is a change of what the templates may use.
/// </summary>
internal sealed class SitePages(Book book, int year, AvailableDownloads downloads)
{
    private readonly object _site = new { book.Info.Title, book.Info.Organization, book.Info.Edition, book.Info.Language, book.Info.Vocabulary };
    private readonly List<(Part Part, Article Article)> _articles = [.. book.Parts.SelectMany(p => p.Articles.Select(a => (p, a)))];
    private readonly Dictionary<string, object> _linkById = book.Parts
        .SelectMany(p => p.Articles.Select(a => (a.Id, Link: ArticleLink(p, a))))
        .DistinctBy(x => x.Id)
        .ToDictionary(x => x.Id, x => x.Link);
    private readonly string? _editBase = EditBase(book);
    // The JSON goes into an HTML attribute, which the template escapes: Chinese is kept as it is, not as \\u escapes.
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lazy<IReadOnlyList<Reminder>> _reminders = new(() => ReminderCalendar.For(book, year));

    public Dictionary<string, object?> Home()
    {
        var month = year == DateTime.Today.Year ? DateTime.Today.Month : 1;
        var page = Page(SiteUrls.Home, book.Info.Title, "home");
        page["Parts"] = book.Parts.Select(p => new
        {
            p.Number,
            p.Title,
            p.Heading,
            Url = SiteUrls.Part(p),
            Count = p.Articles.Length,
            Articles = p.Articles.Select(a => ArticleLink(p, a)).ToList(),
        }).ToList();
        page["ArticleCount"] = _articles.Count;
        page["FormCount"] = book.Forms.Length;
        page["Year"] = year;
        page["Month"] = month;
        page["Due"] = Reminders().Where(r => r.Month == month).Select(Reminder).ToList();
        // The page is built once and read on any day: the browser lists the next tasks from these by its own date.
        var urls = _articles.DistinctBy(x => x.Article.Id).ToDictionary(x => x.Article.Id, x => SiteUrls.Article(x.Part, x.Article));
        page["Upcoming"] = new JsonArray([.. Reminders()
            .Where(r => r.Every is not (Recurrence.Day or Recurrence.Week))
            .Select(r => new JsonObject
            {
                ["date"] = r.Date.ToString("MM-dd", CultureInfo.InvariantCulture),
                ["text"] = $"{r.Date.Month}月{r.Date.Day}日",
                ["task"] = r.Task,
                ["by"] = r.By,
                ["title"] = r.Article.Title,
                ["url"] = urls[r.Article.Id],
            })]).ToJsonString(RelaxedJson);
        page["Downloads"] = OtherDownloads();
        return page;
    }

    public Dictionary<string, object?> Part(Part part)
    {
        var page = Page(SiteUrls.Part(part), part.Title, "part");
        page["Number"] = part.Number;
        page["Label"] = part.Label;
        page["Heading"] = part.Heading;
        page["Articles"] = part.Articles.Select(a => new
        {
            a.Id,
            a.Title,
            a.Owner,
            Url = SiteUrls.Article(part, a),
        }).ToList();
        return page;
    }

    public Dictionary<string, object?> Article(int index, RenderedArticle rendered)
    {
        var (part, article) = _articles[index];
        var page = Page(SiteUrls.Article(part, article), article.Title, "part");
        page["Id"] = article.Id;
        page["Part"] = new { part.Title, part.Heading, Url = SiteUrls.Part(part) };
        page["Owner"] = article.Owner;
        page["Schedule"] = article.Schedule
            .Select(s => new { When = ScheduleText.Describe(s), s.Task, By = s.By == article.Owner ? null : s.By }) // the owner is shown above
            .ToList();
        page["Forms"] = article.Forms.Select(book.FindForm).OfType<Form>().Select(FormModel).ToList();
        page["Scoring"] = article.Scoring.Select(s => new { s.Item, Points = Number(s.Points), s.Deduct }).ToList();
        page["Points"] = Number(article.Scoring.Sum(s => s.Points));
        page["Revised"] = Date(article.Revised);
        page["Toc"] = rendered.Headings.Select(h => new { h.Id, h.Text, Sub = h.Level > 2 }).ToList();
        page["Content"] = new TrustedHtml(rendered.Html);
        page["Previous"] = index > 0 ? ArticleLink(_articles[index - 1].Part, _articles[index - 1].Article) : null;
        page["Next"] = index + 1 < _articles.Count ? ArticleLink(_articles[index + 1].Part, _articles[index + 1].Article) : null;
        page["EditUrl"] = _editBase is null ? null : _editBase + article.Path;
        return page;
    }

    public Dictionary<string, object?> Forms()
    {
        var page = Page(SiteUrls.Forms, "表单下载", "forms");
        page["Forms"] = book.Forms.Select(FormModel).ToList();
        page["Downloads"] = OtherDownloads();
        return page;
    }

    public Dictionary<string, object?> RemindersPage()
    {
        var page = Page(SiteUrls.Reminders, $"{year}年工作提醒", "reminders");
        page["Year"] = year;
        page["Months"] = Reminders()
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Items = g.Select(Reminder).ToList() })
            .ToList();
        page["Downloads"] = Downloads(
            ("工作提醒表（Excel）", DownloadPaths.Reminders(year, "xlsx")),
            ("工作提醒表（Word）", DownloadPaths.Reminders(year, "docx")),
            ("工作日历（导入日历软件）", DownloadPaths.Calendar(year)));
        return page;
    }

    public Dictionary<string, object?> Scoring()
    {
        var page = Page(SiteUrls.Scoring, "对标自查评分标准", "scoring");
        page["Parts"] = book.Parts.Where(p => p.Articles.Any(a => a.Scoring.Length > 0)).Select(p => new
        {
            p.Number,
            p.Heading,
            Points = Number(p.Articles.Sum(a => a.Scoring.Sum(s => s.Points))),
            Articles = p.Articles.Where(a => a.Scoring.Length > 0).Select(a => new
            {
                a.Id,
                a.Title,
                Url = SiteUrls.Article(p, a),
                Points = Number(a.Scoring.Sum(s => s.Points)),
                Items = a.Scoring.Select(s => new { s.Item, Points = Number(s.Points), s.Deduct }).ToList(),
            }).ToList(),
        }).ToList();
        page["Total"] = Number(book.ScoringItems.Sum(s => s.Item.Points));
        page["Grades"] = GradeBands.Ranges(book.Info.Grading).Select(b => new { b.Grade, b.Range }).ToList();
        page["Downloads"] = Downloads(("对标自查评分表（Excel）", DownloadPaths.ScoringWorkbook),
            ("检查调研情况反馈单（Excel）", DownloadPaths.FeedbackWorkbook));
        return page;
    }

    public Dictionary<string, object?> Search() => Page(SiteUrls.Search, "搜索", "search");

    /// <summary>The page 校验记录: records are checked in the browser by the validator in validator/.</summary>
    public Dictionary<string, object?> Validate()
    {
        var page = Page(SiteUrls.Validate, "校验记录", "validate");
        page["FormsUrl"] = SiteUrls.Forms;
        return page;
    }

    public Dictionary<string, object?> NotFound() => Page(SiteUrls.NotFound, "页面不存在", "");

    private Dictionary<string, object?> Page(string url, string title, string section) => new()
    {
        ["Site"] = _site,
        ["Root"] = SiteUrls.RootFrom(url),
        // The 404 page finds the site's root itself, served in place of a missing page at any depth.
        ["FindsRoot"] = url == SiteUrls.NotFound,
        ["Title"] = title,
        ["Nav"] = Nav(section),
    };

    private List<object> Nav(string section) =>
    [
        new { Title = "首页", Url = SiteUrls.Home, Current = section == "home" },
        new { Title = "表单下载", Url = SiteUrls.Forms, Current = section == "forms" },
        new { Title = "工作提醒", Url = SiteUrls.Reminders, Current = section == "reminders" },
        new { Title = "校验记录", Url = SiteUrls.Validate, Current = section == "validate" },
        new { Title = "评分标准", Url = SiteUrls.Scoring, Current = section == "scoring" },
        new { Title = "搜索", Url = SiteUrls.Search, Current = section == "search" },
    ];

    private IReadOnlyList<Reminder> Reminders() => _reminders.Value;

    private object Reminder(Reminder r) => new
    {
        Date = r.Every is Recurrence.Day or Recurrence.Week ? ScheduleText.Describe(r.Item) : $"{r.Date.Month}月{r.Date.Day}日",
        r.Task,
        r.By,
        Article = _linkById[r.Article.Id],
    };

    private object FormModel(Form form) => new
    {
        form.Id,
        form.Title,
        form.Version,
        Period = ScheduleText.Describe(form.Period),
        Url = SiteUrls.Form(form),
        Article = _linkById.GetValueOrDefault(form.Article),
        Document = downloads.Url(DownloadPaths.FormDocument(form)),
        Blank = downloads.Url(DownloadPaths.BlankForm(form)),
        Ledger = downloads.Url(DownloadPaths.Ledger(form)),
    };

    private List<object> OtherDownloads() => Downloads(
        ("印刷版手册（Word）", DownloadPaths.PrintedHandbook(book.Info)),
        ($"{year}年工作提醒表（Excel）", DownloadPaths.Reminders(year, "xlsx")),
        ($"{year}年工作日历", DownloadPaths.Calendar(year)),
        ("对标自查评分表（Excel）", DownloadPaths.ScoringWorkbook));

    /// <summary>The downloads among these that this build produced; the others are not linked.</summary>
    private List<object> Downloads(params (string Title, string Path)[] files) =>
        [.. files.Select(f => (f.Title, Url: downloads.Url(f.Path))).Where(f => f.Url is not null).Select(f => (object)new { f.Title, f.Url })];

    private static object ArticleLink(Part part, Article article) => new { article.Id, article.Title, Url = SiteUrls.Article(part, article) };

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The repository's edit URL for the handbook folder (GitHub/Gitea style), or null when none is named.</summary>
    private static string? EditBase(Book book)
    {
        if (string.IsNullOrWhiteSpace(book.Info.Repository)) return null;
        var root = new DirectoryInfo(book.Root);
        var repository = root;
        while (repository is not null && !Path.Exists(Path.Combine(repository.FullName, ".git"))) repository = repository.Parent;
        var folder = repository is null ? root.Name : Path.GetRelativePath(repository.FullName, root.FullName).Replace('\\', '/');
        return $"{book.Info.Repository.TrimEnd('/')}/edit/main/{(folder == "." ? "" : folder + "/")}";
    }
}
