using Deque.AxeCore.Playwright;
using Handbook.Publisher.Site;
using Microsoft.Playwright;

namespace Handbook.Tests.Site;

/// <summary>The default handbook's site in headless Chromium: navigation, Chinese search, downloads, accessibility.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A new page whose console errors and script errors are collected.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string url)
    {
        var page = await fixture.Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(url);
        return (page, errors);
    }

    /// <summary>
    /// Navigation is awaited until the new page is committed, not until its load event: on a loaded CI machine
    /// the load event was once never reported although the page was there; the locators that follow wait for
    /// the page's content themselves.
    /// </summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task Navigates_from_home_to_an_article_and_back()
    {
        var (page, errors) = await OpenAsync(fixture.BaseUrl + "index.html");

        await page.GetByRole(AriaRole.Link, new() { Name = "R03 党小组会制度", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/rules/R03.html", Committed);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("党小组会制度");
        await page.GetByRole(AriaRole.Link, new() { Name = "第一篇　基层党建工作制度", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/rules/index.html", Committed);
        // Go back only from a parsed page: a back request made while the new document is still being created can be
        // dropped by the browser on a loaded machine (seen in a full run), and the wait below then times out.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("基层党建工作制度");
        // Back twice, each waiting only for the navigation to commit: a page restored from the back-forward cache
        // fires no load event, which the default wait would expect (a loaded CI run once timed out there).
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/rules/R03.html", Committed);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("党小组会制度");
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/index.html", Committed);
        // A committed navigation may not have its document parsed yet: the assertion waits for the heading.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("基层党建工作标准化管理手册");

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Links_work_when_the_folder_is_opened_from_disk()
    {
        var (page, errors) = await OpenAsync(new Uri(Path.Combine(fixture.Site, "index.html")).AbsoluteUri);

        await page.GetByRole(AriaRole.Link, new() { Name = "表单和台账下载" }).ClickAsync();
        await page.WaitForURLAsync("**/forms.html", Committed);
        await page.Locator("table.forms a").First.ClickAsync(); // the article of the first form
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.StartsWith("file://", page.Url, StringComparison.Ordinal);
        Assert.Equal("rgb(166, 27, 27)", await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")); // site.css loaded

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("党小组", "党小组会制度")]
    [InlineData("组织生活会", "组织生活会制度")]
    public async Task A_chinese_query_finds_its_article_first_with_the_passage_highlighted(string query, string title)
    {
        var (page, errors) = await OpenAsync(fixture.BaseUrl + "search.html?q=" + Uri.EscapeDataString(query));

        var first = page.Locator("#search-results > li").First;
        Assert.Equal(title, await first.Locator("h2").InnerTextAsync());
        Assert.Contains(query, await first.Locator(".snippet mark").AllInnerTextsAsync());

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Search_loads_its_index_pieces_when_the_site_is_opened_from_disk()
    {
        var (page, errors) = await OpenAsync(new Uri(Path.Combine(fixture.Site, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString("党小组"));

        Assert.Equal("党小组会制度", await page.Locator("#search-results > li").First.Locator("h2").InnerTextAsync());
        Assert.Contains("党小组", await page.Locator("#search-results > li").First.Locator(".snippet mark").AllInnerTextsAsync());

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_query_in_no_title_lists_first_every_article_that_contains_it_as_typed()
    {
        const string query = "三会一课"; // no article is named after it; several mention it once
        var book = Handbook.Loading.BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var containing = book.Articles.Count(a => a.Body.Contains(query, StringComparison.Ordinal));
        var (page, errors) = await OpenAsync(fixture.BaseUrl + "search.html?q=" + Uri.EscapeDataString(query));

        var results = page.Locator("#search-results > li");
        Assert.True(containing > 1 && await results.CountAsync() >= containing);
        for (var i = 0; i < containing; i++)
            Assert.Contains(query, await results.Nth(i).Locator(".snippet mark").AllInnerTextsAsync());

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_two_character_query_typed_in_the_box_finds_results()
    {
        var (page, errors) = await OpenAsync(fixture.BaseUrl + "search.html");

        await page.Locator("#search-q").FillAsync("党费");
        await page.Locator("#search-q").PressAsync("Enter");

        await page.Locator("#search-results > li").First.WaitForAsync();
        Assert.True(await page.Locator("#search-results > li").CountAsync() > 1);
        Assert.Contains("党费", await page.Locator("#search-results > li").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_browser_splits_a_query_and_finds_its_shards_as_the_index_did()
    {
        var (page, _) = await OpenAsync(fixture.BaseUrl + "search.html");
        string[] samples = ["党小组会", "“三会一课”制度（F03）", "2026年6月 Word表单", "会", "ABC-12 民主 评议"];

        foreach (var sample in samples)
            Assert.Equal(SearchTokenizer.Tokens(sample), await page.EvaluateAsync<string[]>("s => HandbookSearch.tokenize(s)", sample));
        foreach (var term in samples.SelectMany(SearchTokenizer.Tokens))
            foreach (var shards in new[] { 1, 7, 256 })
                Assert.Equal(SearchIndexWriter.ShardOf(term, shards), await page.EvaluateAsync<int>("([t, n]) => HandbookSearch.shardOf(t, n)", new object[] { term, shards }));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Every_download_link_on_the_forms_page_answers_with_the_file()
    {
        var (page, errors) = await OpenAsync(fixture.BaseUrl + "forms.html");
        var links = await page.Locator("a[download]").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");

        Assert.NotEmpty(links);
        foreach (var link in links.Distinct())
        {
            var response = await page.APIRequest.GetAsync(link);
            Assert.True(response.Status == 200, $"{link}: {response.Status}");
            Assert.NotEmpty(await response.BodyAsync());
        }
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("rules/R03.html")]
    [InlineData("forms.html")]
    [InlineData("search.html?q=%E5%85%9A%E5%B0%8F%E7%BB%84")]
    public async Task Has_no_serious_accessibility_violations(string url)
    {
        var (page, errors) = await OpenAsync(fixture.BaseUrl + url);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})");
        Assert.Empty(serious);
        Assert.Empty(errors);
        await page.CloseAsync();
    }
    [Theory]
    [InlineData(2026, 3, 1, "3月")]
    [InlineData(2026, 9, 1, "9月")]
    public async Task Home_lists_the_next_tasks_from_the_readers_date(int year, int month, int day, string first)
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(new DateTime(year, month, day, 9, 0, 0, DateTimeKind.Local));
        await page.GotoAsync(fixture.BaseUrl + "index.html");

        var dates = await page.Locator("#due tbody tr td:first-child").AllInnerTextsAsync();
        Assert.InRange(dates.Count, 1, 8);
        Assert.StartsWith(first, dates[0], StringComparison.Ordinal);
        Assert.Contains($"{month}月{day}日", await page.Locator("#due-note").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
    [Theory]
    [InlineData("index.html")]
    [InlineData("forms.html")]
    [InlineData("reminders.html")]
    [InlineData("scoring.html")]
    public async Task On_a_phone_no_table_column_is_one_character_wide(string url)
    {
        var page = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 800 } });
        await page.GotoAsync(fixture.BaseUrl + url);

        // A cell wraps one character per line when it has as many lines as characters.
        var narrow = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('th, td')]
            .filter(c => { const n = c.textContent.trim().length; if (n < 2) return false;
                const range = document.createRange(); range.selectNodeContents(c);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                return lines.size >= n; })
            .map(c => c.textContent.trim().slice(0, 10))");
        Assert.Empty(narrow);
        await page.CloseAsync();
    }
}
