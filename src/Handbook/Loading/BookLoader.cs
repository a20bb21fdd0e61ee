using System.Collections.Immutable;
using Handbook.Model;

namespace Handbook.Loading;

/// <summary>What loading a handbook folder gave: the model (as complete as the source allowed) and every problem found.</summary>
public sealed record LoadResult(Book? Book, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads a handbook folder into the model. Never throws on bad content: every problem is a diagnostic
/// with file, line and column, and loading goes on so that one run reports all of them.
/// </summary>
public static class BookLoader
{
    public const string MetadataFile = "handbook.yml";
    public const string FormsFolder = "forms";

    private static readonly string[] InfoKeys = ["title", "organization", "edition", "language", "repository", "parts", "grading", "vocabulary"];

    /// <param name="cache">Articles parsed by an earlier load of this folder, reused where their files are unchanged.</param>
    public static LoadResult Load(string root, ArticleCache? cache = null)
    {
        var diagnostics = new List<Diagnostic>();
        root = System.IO.Path.GetFullPath(root);
        var metadataPath = System.IO.Path.Combine(root, MetadataFile);
        if (!File.Exists(metadataPath))
        {
            diagnostics.Add(new Diagnostic(MetadataFile, 1, 1, Severity.Error, "missing-file",
                $"找不到 {MetadataFile}：“{root}”不是手册文件夹"));
            return new LoadResult(null, [.. diagnostics]);
        }

        var file = new YamlFile(MetadataFile, diagnostics);
        var map = file.Map(file.Load(metadataPath), MetadataFile, InfoKeys);
        if (map is null) return new LoadResult(null, [.. diagnostics]);

        var title = map.String("title", required: true) ?? "";
        var organization = map.String("organization", required: true) ?? "";
        var edition = map.String("edition", required: true) ?? "";
        var language = map.String("language") ?? "zh-CN";
        var repository = map.String("repository");
        var grading = ReadGrading(file, map);

        var articleReader = new ArticleReader(root, diagnostics);
        var parts = ReadParts(root, file, map, articleReader, cache);
        var info = new BookInfo(title, organization, edition, language, repository, ResolveGrading(file, grading, parts), ReadVocabulary(file, map));
        var formReader = new FormReader(root, diagnostics);
        var book = new Book(root, info, parts, formReader.ReadAll());

        CrossReferences.Check(book, articleReader.FormReferences, formReader.ArticleReferences,
            articleReader.FailedIds, formReader.FailedIds, diagnostics);
        new LinkChecker(book, articleReader.Links, articleReader.FailedPaths, diagnostics).Check();
        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column);
        return new LoadResult(book, [.. ordered]);
    }

    /// <summary>A band as handbook.yml gives it: min in points, or in per cent of the scoring total (min: 95%).</summary>
    private sealed record BandSource(string Grade, decimal Min, bool Percent, YamlDotNet.RepresentationModel.YamlNode Node);

    private static List<BandSource> ReadGrading(YamlFile file, YamlMap map)
    {
        var bands = new List<BandSource>();
        foreach (var node in map.Sequence("grading"))
        {
            var band = file.Map(node, "评分等级", ["grade", "min"]);
            if (band is null) continue;
            var grade = band.String("grade", required: true);
            var text = band.String("min", required: true);
            if (grade is null || text is null) continue;
            var percent = text.EndsWith('%');
            if (decimal.TryParse(percent ? text[..^1] : text, System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var min) && min >= 0)
                bands.Add(new BandSource(grade, min, percent, band.Get("min")!));
            else
                file.Error(band.Get("min")!, "invalid-value", $"“min”应是分数（如 80）或评分总分的百分数（如 80%），而不是“{text}”");
        }
        return bands;
    }

    /// <summary>
    /// Each band's minimum in points, against the scoring total (the points of every article's scoring items); a band
    /// the total cannot reach is a warning: no unit could ever be given that grade.
    /// </summary>
    private static ImmutableArray<GradeBand> ResolveGrading(YamlFile file, List<BandSource> bands, ImmutableArray<Part> parts)
    {
        var total = parts.SelectMany(p => p.Articles).SelectMany(a => a.Scoring).Sum(s => s.Points);
        var resolved = new List<GradeBand>();
        foreach (var band in bands)
        {
            var min = band.Percent ? band.Min * total / 100 : band.Min;
            if (band.Percent && band.Min > 100)
                file.Warning(band.Node, "unreachable-grade",
                    $"等次“{band.Grade}”的最低分 {GradeBands.Number(band.Min)}% 超过评分总分，永远评不到");
            else if (!band.Percent && total > 0 && min > total)
                file.Warning(band.Node, "unreachable-grade",
                    $"等次“{band.Grade}”的最低分 {GradeBands.Number(min)} 分超过评分总分 {GradeBands.Number(total)} 分（各条目评分项目的分值之和），" +
                    $"永远评不到；可把 min 写成总分的百分数，如 {GradeBands.Number(Math.Min(100, band.Min))}%");
            resolved.Add(new GradeBand(band.Grade, min));
        }
        return [.. resolved.OrderByDescending(b => b.Min)];
    }

    private static Vocabulary ReadVocabulary(YamlFile file, YamlMap map)
    {
        var defaults = Vocabulary.Default;
        var words = file.Map(map.Get("vocabulary"), "用词（vocabulary）", ["unit", "leader", "work", "search-example", "theme"]);
        if (words is null) return defaults;
        var theme = words.String("theme");
        // The colour goes into a style sheet: only a plain #rrggbb, so that nothing else can be written there.
        if (theme is not null && !System.Text.RegularExpressions.Regex.IsMatch(theme, "^#[0-9a-fA-F]{6}$"))
        {
            file.Error(words.Get("theme")!, "invalid-value", $"主题色“{theme}”应写成 #rrggbb，如 #a61b1b");
            theme = null;
        }
        return new Vocabulary(
            words.String("unit") ?? defaults.Unit,
            words.String("leader") ?? defaults.Leader,
            words.String("work") ?? defaults.Work,
            words.String("search-example") ?? defaults.SearchExample,
            theme ?? defaults.Theme);
    }

    private static ImmutableArray<Part> ReadParts(string root, YamlFile file, YamlMap map, ArticleReader reader, ArticleCache? cache)
    {
        var folders = new List<(string Folder, string Title, string[] Files)>();
        foreach (var node in map.Sequence("parts", required: true))
        {
            var part = file.Map(node, "篇（parts）", ["folder", "title"]);
            if (part is null) continue;
            var folder = part.String("folder", required: true);
            var title = part.String("title", required: true);
            if (folder is null || title is null) continue;
            var directory = System.IO.Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                file.Error(part.Get("folder")!, "missing-folder", $"找不到篇目文件夹“{folder}”");
                continue;
            }
            folders.Add((folder, title, [.. Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal)]));
        }

        // All articles of all parts at once, in parallel; then each part's in order.
        var files = folders.SelectMany(f => f.Files.Select(path => (f.Folder, Path: path))).ToArray();
        var articles = new Article?[files.Length];
        Parallel.For(0, files.Length, i => articles[i] = reader.Read(cache is null ? ArticleSource.Read(files[i].Path) : cache.Read(files[i].Path), files[i].Folder));
        var parts = new List<Part>();
        var first = 0;
        foreach (var (folder, title, paths) in folders)
        {
            var ordered = new ArraySegment<Article?>(articles, first, paths.Length).OfType<Article>()
                .OrderBy(a => a.Order).ThenBy(a => a.Id, StringComparer.Ordinal);
            parts.Add(new Part(parts.Count + 1, folder, title, [.. ordered]));
            first += paths.Length;
        }
        return [.. parts];
    }
}
