using System.Collections.Concurrent;
using System.Globalization;
using Handbook.Model;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>
/// An article file split into its front matter and its Markdown body, both parsed; <see cref="ArticleReader"/> then
/// reads the model from it.
/// </summary>
/// <param name="FrontMatter">The parsed front matter, or null when the file has none.</param>
/// <param name="Links">What the link check needs of the body, or null when the file has no front matter.</param>
/// <param name="Problem">Why the file could not be read at all (its bytes, or Markdown past the parser's limits).</param>
internal sealed record ArticleSource(string FullPath, YamlText? FrontMatter, string Body, int BodyLine, ArticleLinks? Links,
    SourceProblem? Problem = null)
{
    public static ArticleSource Read(string fullPath)
    {
        var (text, problem) = SourceText.Read(fullPath);
        if (text is null) return new ArticleSource(fullPath, null, "", 1, null, problem);
        if (text.Contains('\r', StringComparison.Ordinal)) text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        // The front matter runs from a first line "---" to the next line "---"; the lines are found by index,
        // not split into strings and joined again (5,000 articles are a lot of lines).
        var frontMatter = 0;
        for (var (start, line) = (0, 0); ; line++)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var fence = text.AsSpan(start, end - start).TrimEnd().SequenceEqual("---");
            if (line == 0 && !fence) break;
            if (line == 0) frontMatter = end + 1;
            else if (fence)
            {
                var body = newline < 0 ? "" : text[(newline + 1)..];
                var front = start > frontMatter ? text[frontMatter..(start - 1)] : "";
                var bodyLine = line + 2;
                try
                {
                    return new ArticleSource(fullPath, YamlText.Parse(front), body, bodyLine,
                        ArticleLinks.Of(Markdown.Parse(body, ArticleMarkdown.Pipeline)));
                }
                catch (ArgumentException e) // Markdig refuses Markdown nested too deep for its recursive parsers
                {
                    return new ArticleSource(fullPath, null, "", 1, null,
                        new SourceProblem(bodyLine, 1, "limit-exceeded", $"正文的 Markdown 嵌套过深，无法解析（{e.Message}）"));
                }
            }
            if (newline < 0) break;
            start = newline + 1;
        }
        return new ArticleSource(fullPath, null, "", 1, null);
    }
}

/// <summary>
/// Reads one article file: front matter into the model, the rest kept as Markdown. Thread-safe: the loader reads
/// all articles in parallel.
/// </summary>
internal sealed class ArticleReader(string root, List<Diagnostic> diagnostics)
{
    private static readonly string[] Keys = ["id", "title", "order", "owner", "schedule", "forms", "scoring", "revised"];
    private static readonly string[] ScheduleKeys = ["task", "every", "due", "by", "form"];
    private static readonly string[] ScoringKeys = ["item", "points", "deduct", "evidence", "per_missing"];

    /// <summary>Each article's form ids with the file and node that named them, for the cross-reference check.</summary>
    public List<(string ArticleId, string FormId, YamlFile File, YamlNode Node)> FormReferences { get; } = [];

    /// <summary>Article files that did not load (their own errors are reported); links to them are not errors too.</summary>
    public HashSet<string> FailedPaths { get; } = [];

    /// <summary>Ids, guessed from file names, of articles that did not load; forms naming them are not errors too.</summary>
    public HashSet<string> FailedIds { get; } = [];

    /// <summary>The links and anchors of each article that loaded, by path, for the link check.</summary>
    public ConcurrentDictionary<string, ArticleLinks> Links { get; } = new();

    public Article? Read(ArticleSource source, string part)
    {
        var article = ReadFile(source, part, out var path);
        if (article is not null) Links[path] = source.Links!;
        else
        {
            lock (FailedPaths) FailedPaths.Add(path);
            lock (FailedIds) FailedIds.Add(System.IO.Path.GetFileNameWithoutExtension(path));
        }
        return article;
    }

    private Article? ReadFile(ArticleSource source, string part, out string path)
    {
        path = System.IO.Path.GetRelativePath(root, source.FullPath).Replace('\\', '/');
        var file = new YamlFile(path, diagnostics, lineOffset: 1);
        if (source.Problem is not null)
        {
            file.Report(source.Problem);
            return null;
        }
        if (source.FrontMatter is null || source.Links is null)
        {
            file.Error(1, 1, "missing-front-matter", "文章缺少开头的 YAML 前置信息（以“---”开始和结束的一段，写明 id、title 等）");
            return null;
        }

        var map = file.Map(file.Report(source.FrontMatter), "文章前置信息", Keys);
        if (map is null) return null;

        var id = map.String("id", required: true);
        var title = map.String("title", required: true);
        var order = map.Int("order", required: true);
        var owner = map.String("owner", required: true);
        var revised = map.Date("revised", required: true);
        if (id is not null && !IsId(id))
            file.Error(map.Get("id")!, "invalid-id", $"文章编号“{id}”只能由字母、数字和“-”组成");

        var forms = map.Strings("forms");
        lock (FormReferences)
            foreach (var (formId, node) in forms) FormReferences.Add((id ?? "", formId, file, node));

        var formIds = forms.Select(f => f.Value).ToHashSet(StringComparer.Ordinal);
        var schedule = map.Sequence("schedule").Select(n => ReadSchedule(file, n, owner ?? "", formIds)).OfType<ScheduleItem>().ToList();
        var scoring = map.Sequence("scoring").Select(n => ReadScoring(file, n, formIds)).OfType<ScoringItem>().ToList();
        if (id is null || title is null || order is null || owner is null || revised is null) return null;
        return new Article(id, title, order.Value, owner, [.. forms.Select(f => f.Value)], [.. schedule], [.. scoring],
            revised.Value, part, path, source.Body, source.BodyLine);
    }

    internal static bool IsId(string id) => id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static ScheduleItem? ReadSchedule(YamlFile file, YamlNode node, string owner, HashSet<string> formIds)
    {
        var map = file.Map(node, "日程（schedule）项", ScheduleKeys);
        if (map is null) return null;
        var task = map.String("task", required: true);
        var everyText = map.String("every", required: true);
        var by = map.String("by") ?? owner;
        if (everyText is null) return null;
        if (!Spelling<Recurrence>.TryParse(everyText, out var every))
        {
            file.Error(map.Get("every")!, "unknown-every", $"“every”的值“{everyText}”无效，应为 {Spelling<Recurrence>.Choices} 之一");
            return null;
        }
        var dueText = map.String("due");
        Due? due = dueText is null ? Due.EndOfPeriod : ParseDue(every, dueText);
        if (due is null)
        {
            file.Error(map.Get("due")!, "invalid-due", $"“due”的值“{dueText}”不适用于 every: {everyText}：{DueHelp(every)}");
            return null;
        }
        var form = ArticleForm(file, map, "form", formIds);
        return task is null ? null : new ScheduleItem(task, every, due, by) { Form = form };
    }

    /// <summary>Parses `due` for a recurrence (see docs/FORMAT.md); null when it does not fit.</summary>
    internal static Due? ParseDue(Recurrence every, string text)
    {
        var parts = text.Split('-');
        if (!parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return null;
        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var monthsInPeriod = every switch
        {
            Recurrence.Quarter => 3,
            Recurrence.HalfYear => 6,
            Recurrence.Year => 12,
            _ => 0,
        };
        return (every, numbers) switch
        {
            (Recurrence.Week, [var d]) when d is >= 1 and <= 7 => new Due(0, d),
            (Recurrence.Month, [var d]) when d is >= 1 and <= 31 => new Due(0, d),
            (Recurrence.Quarter or Recurrence.HalfYear or Recurrence.Year, [var m, var d])
                when m >= 1 && m <= monthsInPeriod && d is >= 1 and <= 31 => new Due(m, d),
            _ => null,
        };
    }

    private static string DueHelp(Recurrence every) => every switch
    {
        Recurrence.Day => "每日任务不写 due",
        Recurrence.Week => "写星期几，1–7（1 为星期一）",
        Recurrence.Month => "写每月几日，1–31",
        Recurrence.Quarter => "写“季度内第几月-日”，如 3-20",
        Recurrence.HalfYear => "写“半年内第几月-日”，如 6-25",
        _ => "写“月-日”，如 12-31",
    };

    /// <summary>A form named by a schedule or scoring item: it must be one of the article's own `forms`.</summary>
    private static string? ArticleForm(YamlFile file, YamlMap map, string key, HashSet<string> formIds)
    {
        var form = map.String(key);
        if (form is null || formIds.Contains(form)) return form;
        file.Error(map.Get(key)!, "form-not-in-article", $"“{key}”的表单“{form}”不在本文的 forms 中：先在 forms 中列出它");
        return null;
    }

    private static ScoringItem? ReadScoring(YamlFile file, YamlNode node, HashSet<string> formIds)
    {
        var map = file.Map(node, "评分（scoring）项", ScoringKeys);
        if (map is null) return null;
        var item = map.String("item", required: true);
        var deduct = map.String("deduct", required: true);
        if (!map.Has("points"))
        {
            map.Missing("points", "missing-points");
            return null;
        }
        var points = map.Decimal("points");
        if (points is <= 0)
        {
            file.Error(map.Get("points")!, "invalid-value", "“points”应大于 0");
            return null;
        }
        var evidence = ArticleForm(file, map, "evidence", formIds);
        var perMissing = map.Decimal("per_missing");
        if (perMissing is <= 0)
            file.Error(map.Get("per_missing")!, "invalid-value", "“per_missing”应大于 0");
        else if (perMissing is not null && evidence is null && !map.Has("evidence"))
            file.Error(map.Get("per_missing")!, "invalid-value", "“per_missing”须与“evidence”一起写：扣的是哪种记录的分");
        if (item is null || deduct is null || points is null) return null;
        return new ScoringItem(item, points.Value, deduct) { Evidence = evidence, PerMissing = perMissing is > 0 ? perMissing.Value : 0 };
    }
}
