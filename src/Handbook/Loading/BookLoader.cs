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

        var info = new BookInfo(
            map.String("title", required: true) ?? "",
            map.String("organization", required: true) ?? "",
            map.String("edition", required: true) ?? "",
            map.String("language") ?? "zh-CN",
            map.String("repository"),
            ReadGrading(file, map),
            ReadVocabulary(file, map));

        var articleReader = new ArticleReader(root, diagnostics);
        var parts = ReadParts(root, file, map, articleReader, cache);
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

    private static ImmutableArray<GradeBand> ReadGrading(YamlFile file, YamlMap map)
    {
        var bands = new List<GradeBand>();
        foreach (var node in map.Sequence("grading"))
        {
            var band = file.Map(node, "评分等级", ["grade", "min"]);
            if (band is null) continue;
            var grade = band.String("grade", required: true);
            var min = band.Decimal("min", required: true);
            if (grade is not null && min is not null) bands.Add(new GradeBand(grade, min.Value));
        }
        return [.. bands.OrderByDescending(b => b.Min)];
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
