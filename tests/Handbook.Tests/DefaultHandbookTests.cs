using Handbook.Loading;
using Handbook.Model;

namespace Handbook.Tests;

/// <summary>The embedded default handbook: complete, consistent, and clean under `check`.</summary>
public class DefaultHandbookTests
{
    private static readonly LoadResult Load = BookLoader.Load(RepositoryPaths.Handbook);

    [Fact]
    public void ChecksClean() => Assert.Empty(Load.Diagnostics);

    [Fact]
    public void HasThreePartsAndSixtyTwoArticles()
    {
        var book = Load.Book!;
        Assert.Equal(3, book.Parts.Length);
        Assert.Equal(62, book.Articles.Count());
        Assert.Equal(23, book.Forms.Length);
        Assert.All(book.Parts, p => Assert.NotEmpty(p.Articles));
    }

    [Fact]
    public void EveryFormIsReferencedByAnArticle()
    {
        var book = Load.Book!;
        var referenced = book.Articles.SelectMany(a => a.Forms).ToHashSet();
        Assert.All(book.Forms, f => Assert.Contains(f.Id, referenced));
    }

    [Fact]
    public void ScoringTotalsOneHundredPoints() => Assert.Equal(100m, Load.Book!.ScoringItems.Sum(s => s.Item.Points));

    [Fact]
    public void UsesEveryFieldTypeAndBothRuleShapes()
    {
        var forms = Load.Book!.Forms;
        var types = forms.SelectMany(f => f.Fields.Concat(f.Fields.SelectMany(x => x.Columns))).Select(f => f.Type).ToHashSet();
        Assert.Equal(Enum.GetValues<FieldType>().ToHashSet(), types);
        Assert.Contains(forms.SelectMany(f => f.Rules), r => r is CheckRule);
        Assert.Contains(forms.SelectMany(f => f.Rules), r => r is RequireRule);
    }

    [Fact]
    public void EveryArticleAnswersTheFiveQuestions()
    {
        string[] headings = ["## 做什么", "## 谁来做", "## 怎么做", "## 何时做", "## 做到什么程度"];
        var missing = Load.Book!.Articles
            .Where(a => a.Part != "records")
            .Where(a => headings.Any(h => !a.Body.Contains(h, StringComparison.Ordinal)))
            .Select(a => a.Id);
        Assert.Empty(missing);
    }
}
