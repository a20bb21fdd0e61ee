using Handbook.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace Handbook.Tests.Serve;

/// <summary>In headless Chromium: an open article reloads by itself when it is edited on disk; a missing page anywhere gets the styled 404.</summary>
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
    [Fact]
    public async Task A_missing_page_deep_in_a_folder_gets_the_styled_404_with_working_links_from_serve_and_a_static_server()
    {
        // A plain static server, as a web host serves a site under a path of its own: its 404.html for any missing file.
        var site = fixture.Server.Output;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var plain = builder.Build();
        plain.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(site), RequestPath = "/handbook" });
        plain.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(site, "404.html"));
        });
        await plain.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        var browser = await BrowserFixture.Launch(playwright);
        try
        {
            foreach (var root in new[] { fixture.Url, plain.Urls.First() + "/handbook/" })
            {
                var page = await browser.NewPageAsync();
                // The links are followed to the right address; the pages' own loading is not waited for (in CI a page's
                // load event once never came while earlier pages of the session kept their connections open).
                var answer = await page.GotoAsync(root + "a/b/c.html");
                Assert.Equal(404, answer!.Status);
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
                // Styled: the site's stylesheet was found from three folders down.
                Assert.Equal("flex", await page.EvalOnSelectorAsync<string>(".site-header__inner", "e => getComputedStyle(e).display"));
                await page.GetByRole(AriaRole.Link, new() { Name = "搜索手册" }).ClickAsync();
                await page.WaitForURLAsync(root + "search.html", new() { WaitUntil = WaitUntilState.Commit });
                await page.GoBackAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync();
                await page.WaitForURLAsync(root + "index.html", new() { WaitUntil = WaitUntilState.Commit });
                Assert.Equal(200, (await page.Context.APIRequest.GetAsync(root + "index.html")).Status);
                await page.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
        }
    }
}
