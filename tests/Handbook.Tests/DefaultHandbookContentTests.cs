using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests;

/// <summary>
/// Editorial rules of the default handbook's text that `check` cannot know: one name per role, dates in examples
/// written the way Chinese documents write them, grade bands worded from handbook.yml without gaps, enough text,
/// and no sentence copied from one article into another.
/// </summary>
public partial class DefaultHandbookContentTests
{
    private static readonly Book Book = BookLoader.Load(RepositoryPaths.Handbook).Book!;

    private static readonly string[] SourceFiles = Directory
        .EnumerateFiles(RepositoryPaths.Handbook, "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Theory]
    [InlineData("支部组织委员")]
    [InlineData("支部宣传委员")]
    [InlineData("支部纪检委员")]
    public void NamesEachRoleOneWay(string retiredName)
    {
        // "第三项目部党支部纪检委员王丽" names a branch and then the role: only the bare "支部…委员" is retired.
        var retired = new Regex("(?<!党)" + retiredName);
        var files = SourceFiles.Where(f => retired.IsMatch(File.ReadAllText(f)));
        Assert.Empty(files.Select(f => Path.GetRelativePath(RepositoryPaths.Handbook, f)));
    }

    [Fact]
    public void WritesDatesInBodiesTheChineseWay()
    {
        var iso = Book.Articles.SelectMany(a => IsoDate().Matches(a.Body).Select(m => $"{a.Id}: {m.Value}"));
        Assert.Empty(iso);
    }

    [Fact]
    public void WordsNoGradeBandAsARangeOfWholeScores()
    {
        var texts = Book.Articles.Select(a => (a.Id, Text: a.Body))
            .Concat(SourceFiles.Where(f => f.EndsWith(".yml", StringComparison.Ordinal)).Select(f => (Id: Path.GetFileName(f), Text: File.ReadAllText(f))));
        Assert.Empty(texts.SelectMany(t => ScoreRange().Matches(t.Text).Select(m => $"{t.Id}: {m.Value}")));
    }

    [Fact]
    public void WordsEveryBandTableFromTheGrading()
    {
        var phrases = BandPhrases();
        var tables = Book.Articles.Where(a => a.Body.Contains("分及以上、不足", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tables);
        Assert.Empty(tables.SelectMany(a => phrases.Where(p => !a.Body.Contains(p, StringComparison.Ordinal)).Select(p => $"{a.Id}: {p}")));
    }

    [Fact]
    public void HasAtLeastSixtyThousandChineseCharactersOfBodyText() =>
        Assert.True(Book.Articles.Sum(a => ChineseCharacters(a.Body)) >= 60_000);

    // A deliberate reference to another article is a link inside the citing article's own sentence, so it does not
    // repeat that article's sentences; links are compared by their text.
    [Fact]
    public void CopiesNoSentenceFromOneArticleIntoAnother()
    {
        var repeated = Book.Articles
            .SelectMany(a => Sentences(a.Body).Distinct().Select(s => (Sentence: s, a.Id)))
            .GroupBy(x => x.Sentence)
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join("、", g.Select(x => x.Id))}: {g.Key}");
        Assert.Empty(repeated);
    }

    /// <summary>"95分及以上", "80分及以上、不足95分", …, "不足60分": each band from its minimum to the next band's.</summary>
    private static List<string> BandPhrases()
    {
        var bands = Book.Info.Grading.OrderByDescending(b => b.Min).ToList();
        return bands.Select((b, i) => (i, b.Min) switch
        {
            (0, var min) => $"{Score(min)}分及以上",
            (_, 0) => $"不足{Score(bands[i - 1].Min)}分",
            (_, var min) => $"{Score(min)}分及以上、不足{Score(bands[i - 1].Min)}分",
        }).ToList();
    }

    private static string Score(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static int ChineseCharacters(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>Sentences of 12 or more Chinese characters, with links and Markdown marks taken out.</summary>
    private static IEnumerable<string> Sentences(string body) =>
        SentenceBreak().Split(Link().Replace(body, "$1"))
            .Select(s => Markup().Replace(s, ""))
            .Where(s => ChineseCharacters(s) >= 12);

    [GeneratedRegex(@"(?<![A-Za-z0-9])\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    // 80分至94分, 80～94分, 80至94分: such a band leaves the scores between 94 and 95 without a grade.
    [GeneratedRegex(@"\d+(\.\d+)?分?[至～~－—-]\d+(\.\d+)?分(?!钟)")]
    private static partial Regex ScoreRange();

    [GeneratedRegex(@"[。；！？|\n]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[\s\d.、]+|[*#>\s-]")]
    private static partial Regex Markup();
}
