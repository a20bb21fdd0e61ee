using System.Text.Json;
using Handbook.Publisher.Site;

namespace Handbook.Tests.Site;

/// <summary>The site writer on the small fixture handbook: pages, links, downloads and failures.</summary>
public sealed class SiteWriterTests : IDisposable
{
    private readonly FixtureHandbook _handbook = new();
    private readonly string _site;

    public SiteWriterTests() => _site = Path.Combine(_handbook.Root, "out", "site");

    public void Dispose() => _handbook.Dispose();

    private string Page(string path) => File.ReadAllText(Path.Combine(_site, path));

    [Fact]
    public void Writes_every_page_with_relative_links_between_articles()
    {
        var build = SiteBuild.Run(_handbook.Root, _site, "--only", "site");

        Assert.Equal(0, build.Exit);
        foreach (var page in new[] { "index.html", "rules/index.html", "rules/R01.html", "records/L01.html", "forms.html", "reminders.html", "scoring.html", "search.html", "404.html", "search-index.js", "static/site.css" })
            Assert.True(File.Exists(Path.Combine(_site, page)), page);
        var article = Page("rules/R01.html");
        Assert.Contains("href=\"../records/L01.html#%E5%A1%AB%E5%86%99%E8%8C%83%E4%BE%8B\"", article, StringComparison.Ordinal); // ../records/L01.md#填写范例
        Assert.DoesNotContain(".md\"", article, StringComparison.Ordinal);
        Assert.Contains("href=\"../static/site.css\"", article, StringComparison.Ordinal);
        Assert.Contains("href=\"static/site.css\"", Page("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Building_the_site_again_replaces_its_pages()
    {
        SiteBuild.Run(_handbook.Root, _site, "--only", "site");
        _handbook.Replace("rules/R01.md", "title: 党小组会制度", "title: 党小组会议制度");

        var build = SiteBuild.Run(_handbook.Root, _site, "--only", "site"); // starts from a copy of the pages written before

        Assert.Equal(0, build.Exit);
        Assert.Contains("<title>党小组会议制度 - ", Page("rules/R01.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Article_page_shows_who_when_forms_scoring_contents_and_neighbours()
    {
        SiteBuild.Run(_handbook.Root, _site, "--only", "site");
        var article = Page("rules/R01.html");

        Assert.Contains("谁来做", article, StringComparison.Ordinal);
        Assert.Contains("每月25日前", article, StringComparison.Ordinal);
        Assert.Contains("href=\"../forms.html#F01\"", article, StringComparison.Ordinal);
        Assert.Contains("少开一次扣1分", article, StringComparison.Ordinal);
        Assert.Contains("2026年1月15日", article, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#谁来做\">谁来做</a>", article, StringComparison.Ordinal);
        Assert.Contains("href=\"../records/L01.html\"", article, StringComparison.Ordinal); // next article
    }

    [Fact]
    public void Reminder_page_places_tasks_in_their_months()
    {
        SiteBuild.Run(_handbook.Root, _site, "--only", "site");
        var reminders = Page("reminders.html");

        Assert.Contains("2026年工作提醒", reminders, StringComparison.Ordinal);
        Assert.Contains("6月25日", reminders, StringComparison.Ordinal);  // half-yearly, month 6 of the first half
        Assert.Contains("12月25日", reminders, StringComparison.Ordinal); // and of the second
        Assert.Contains("2月25日", reminders, StringComparison.Ordinal);  // monthly
    }

    [Fact]
    public void Links_only_the_downloads_this_build_produced()
    {
        SiteBuild.Run(_handbook.Root, _site, "--only", "site");
        Assert.DoesNotContain("downloads/", Page("forms.html"), StringComparison.Ordinal);

        var loaded = Handbook.Loading.BookLoader.Load(_handbook.Root).Book!;
        var document = Path.Combine(_site, DownloadPaths.FormDocument(loaded.FindForm("F01")!));
        Directory.CreateDirectory(Path.GetDirectoryName(document)!);
        File.WriteAllText(document, "docx");
        Assert.Equal(0, SiteBuild.Run(_handbook.Root, _site, "--only", "site").Exit); // keeps the existing download

        Assert.Contains("href=\"downloads/forms/F01-", Page("forms.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_index_lists_the_articles_and_puts_each_term_in_its_shard_and_each_article_passages_in_its_file()
    {
        SiteBuild.Run(_handbook.Root, _site, "--only", "site");
        const string prefix = "window.HANDBOOK_SEARCH=";
        var head = Page("search-index.js");
        Assert.StartsWith(prefix, head, StringComparison.Ordinal);
        using var index = JsonDocument.Parse(head[prefix.Length..].TrimEnd(';', '\n'));
        var shards = index.RootElement.GetProperty("shards").GetInt32();
        var docs = index.RootElement.GetProperty("docs").EnumerateArray().ToList();
        var article = docs.FindIndex(d => d[1].GetString() == "rules/R01.html");
        var title = docs[article][0].GetString()!;

        Assert.True(article >= 0 && shards >= 1);
        Assert.Contains(title, Page(SearchIndexWriter.Passages(docs[article][4].GetInt32())), StringComparison.Ordinal);
        foreach (var term in SearchTokenizer.Tokens(title))
            Assert.Contains($"\"{term}\":[", Page(SearchIndexWriter.Shard(SearchIndexWriter.ShardOf(term, shards))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_link_in_a_template_fails_the_build_and_keeps_the_previous_site()
    {
        Assert.Equal(0, SiteBuild.Run(_handbook.Root, _site, "--only", "site").Exit);
        var templates = CopyTemplates();
        var layout = Path.Combine(templates, "site", "layouts", "404.sbn-html");
        File.AppendAllText(layout, "<a href=\"{{ Root }}missing.html\">x</a><a href=\"{{ Root }}index.html#nowhere\">y</a>");

        var build = SiteBuild.Run(_handbook.Root, _site, "--templates", templates);

        Assert.Equal(1, build.Exit);
        Assert.Contains("网站页面 404.html：链接“missing.html”指向的文件不存在", build.Error, StringComparison.Ordinal);
        Assert.Contains("链接“index.html#nowhere”指向的锚点“#nowhere”在 index.html 中不存在", build.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.html", Page("404.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_layout_is_reported_once_in_chinese_and_nothing_is_written()
    {
        var templates = CopyTemplates();
        File.Delete(Path.Combine(templates, "site", "layouts", "article.sbn-html")); // pages are rendered in parallel

        var build = SiteBuild.Run(_handbook.Root, _site, "--templates", templates);

        Assert.Equal(1, build.Exit);
        Assert.Equal(1, build.Error.Split('\n').Count(line =>
            line.StartsWith($"{templates}/site/layouts/article.sbn-html:1:1: error template-missing: 缺少模板", StringComparison.Ordinal)));
        Assert.Contains("模板有错误，未生成任何文件。", build.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", build.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site));
    }

    private string CopyTemplates()
    {
        var target = Path.Combine(_handbook.Root, "templates-copy");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
