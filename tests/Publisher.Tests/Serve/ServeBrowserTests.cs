using Handbook.Tests.Site;
using Microsoft.Playwright;

namespace Handbook.Tests.Serve;

/// <summary>An article open in headless Chromium reloads by itself when it is edited on disk.</summary>
public sealed class ServeBrowserTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task An_open_article_reloads_with_the_new_text_when_it_is_saved()
    {
        using var playwright = await Playwright.CreateAsync();
        var browser = await BrowserFixture.Launch(playwright);
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(fixture.Url + "rules/R03.html");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("党小组会制度");
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            var file = Path.Combine(fixture.Source, "rules", "R03.md");
            await File.AppendAllTextAsync(file, "\n浏览器里自动出现的新段落。\n");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("浏览器里自动出现的新段落", new() { Timeout = 60_000 });
            Assert.Empty(errors);
        }
        finally
        {
            await browser.CloseAsync();
        }
    }
}
