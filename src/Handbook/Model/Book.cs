using System.Collections.Immutable;

namespace Handbook.Model;

/// <summary>A loaded handbook: metadata, parts with their articles, and forms. Immutable once loaded.</summary>
public sealed record Book(string Root, BookInfo Info, ImmutableArray<Part> Parts, ImmutableArray<Form> Forms)
{
    public IEnumerable<Article> Articles => Parts.SelectMany(p => p.Articles);

    public Article? FindArticle(string id) => Articles.FirstOrDefault(a => a.Id == id);

    public Form? FindForm(string id) => Forms.FirstOrDefault(f => f.Id == id);

    /// <summary>Scoring items of every article in handbook order, with the article each belongs to.</summary>
    public IEnumerable<(Article Article, ScoringItem Item)> ScoringItems =>
        Articles.SelectMany(a => a.Scoring.Select(s => (a, s)));

    /// <summary>The grade for a total score, from the grading bands of handbook.yml; null when there are none.</summary>
    public string? GradeFor(decimal total) =>
        Info.Grading.OrderByDescending(b => b.Min).FirstOrDefault(b => total >= b.Min)?.Grade;
}

/// <summary>handbook.yml.</summary>
public sealed record BookInfo(
    string Title,
    string Organization,
    string Edition,
    string Language,
    string? Repository,
    ImmutableArray<GradeBand> Grading,
    Vocabulary Vocabulary);

/// <summary>
/// The organization's own words that pages and downloads use (handbook.yml <c>vocabulary</c>), so that another
/// organization's handbook carries none of the Party-building words; each defaults to the Party-building handbook's.
/// </summary>
public sealed record Vocabulary(string Unit, string Leader, string Work, string SearchExample, string Theme)
{
    public static readonly Vocabulary Default = new("党支部", "支部书记", "党建工作", "党小组", "#a61b1b");
}

/// <summary>A grading band: the grade given to totals at or above Min (and below the next band).</summary>
public sealed record GradeBand(string Grade, decimal Min);

/// <summary>A part of the handbook: one folder of articles, in order.</summary>
public sealed record Part(int Number, string Folder, string Title, ImmutableArray<Article> Articles)
{
    /// <summary>“第一篇”: parts are numbered in Chinese numerals, on the site and in print alike.</summary>
    public string Label => $"第{ChineseNumber(Number)}篇";

    /// <summary>“第一篇　基层党建工作制度”; a title that numbers itself (“第一部分 站场管理标准”) is shown as it is.</summary>
    public string Heading => NumbersItself ? Title : $"{Label}　{Title}";

    /// <summary>Whether the title carries its own number (“第一部分 …”), so no number is put before it.</summary>
    public bool NumbersItself => Title.StartsWith('第');

    /// <summary>1 → 一, 12 → 十二, 20 → 二十.</summary>
    private static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n < 10) return digits[n].ToString();
        if (n < 100) return (n / 10 == 1 ? "" : digits[n / 10].ToString()) + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
