using Handbook.Loading;
using Handbook.Model;
using static Handbook.Tests.CheckCommandTests;

namespace Handbook.Tests;

/// <summary>`publisher new` makes a handbook that `check` passes and `build` builds at once.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "handbook-new-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void NewHandbookPassesCheckAndBuilds()
    {
        var handbook = Path.Combine(root, "handbook");
        var (exit, _, error) = Run("new", handbook, "--title", "某某公司党建手册：试行", "--organization", "中共某某公司委员会");
        Assert.True(exit == 0, error);

        var check = Run("check", "--source", handbook);
        Assert.True(check.Exit == 0, check.Output);
        Assert.Contains("检查通过：1 篇，1 篇文章，1 张表单。", check.Output, StringComparison.Ordinal);

        var site = Path.Combine(root, "site");
        var build = Run("build", "--source", handbook, "--templates", RepositoryPaths.Templates, "--out", site, "--year", "2026");
        Assert.True(build.Exit == 0, build.Error);
        Assert.True(File.Exists(Path.Combine(site, "index.html")));
        Assert.Contains("某某公司党建手册：试行", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "downloads/forms/F01-支委会会议记录-" + DateTime.Today.Year + ".1.docx")));
        Assert.True(File.Exists(Path.Combine(site, "downloads/对标自查评分表.xlsx")));
    }

    [Fact]
    public void TheExampleUsesEveryFrontMatterKeyEveryFieldTypeAndBothRuleShapes()
    {
        var handbook = Path.Combine(root, "handbook");
        Assert.Equal(0, Run("new", handbook, "--title", "手册", "--organization", "单位").Exit);

        var book = BookLoader.Load(handbook).Book!;
        Assert.Equal("单位", book.Info.Organization);
        var article = Assert.Single(book.Articles);
        Assert.NotEmpty(article.Forms);
        Assert.Contains(article.Schedule, s => s.Due != Due.EndOfPeriod);
        Assert.Contains(article.Schedule, s => s.By != article.Owner);
        Assert.Equal(100, article.Scoring.Sum(s => s.Points));
        var front = File.ReadAllText(Path.Combine(handbook, article.Path)).Split("---")[1];
        foreach (var key in new[] { "id", "title", "order", "owner", "forms", "schedule", "task", "every", "due", "by", "scoring", "item", "points", "deduct", "revised" })
            Assert.Contains($"{key}:", front, StringComparison.Ordinal);

        var form = Assert.Single(book.Forms);
        Assert.Equal(Enum.GetValues<FieldType>().Order(), form.Fields.Select(f => f.Type).Distinct().Order());
        Assert.Contains(form.Rules, r => r is CheckRule);
        Assert.Contains(form.Rules, r => r is RequireRule);
        Assert.True(File.Exists(Path.Combine(handbook, "README.md")));
    }

    [Fact]
    public void ANonEmptyFolderIsLeftAlone()
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "notes.txt"), "keep");

        var (exit, _, error) = Run("new", root, "--title", "手册", "--organization", "单位");

        Assert.Equal(2, exit);
        Assert.Contains("已存在且不为空", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }
}
