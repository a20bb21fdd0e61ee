using System.Text.Json;
using Deque.AxeCore.Playwright;
using Handbook.Loading;
using Handbook.Validator;
using Handbook.Validator.Fixtures;
using Microsoft.Playwright;

namespace Handbook.Tests.Site;

/// <summary>
/// The page 校验记录 of the built site, served on loopback: records are checked in the browser by the WebAssembly
/// validator with the same result as the command line's, and nothing is requested from anywhere but the site.
/// </summary>
public sealed class ValidatePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Checks_dropped_records_as_the_command_line_does_without_leaving_the_site()
    {
        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var records = new FormRecords(book, RepositoryPaths.Templates);
        var form = book.FindForm("F03")!;
        var missing = SampleValues.Valid(book, form);
        missing.Remove(form.Fields.First(f => f.Required && missing.ContainsKey(f.Id)).Id);
        (string Name, byte[] Data)[] files =
        [
            ("有效记录.docx", records.Filled(form, SampleValues.Valid(book, form))),
            ("缺必填项.docx", records.Filled(form, missing)),
        ];

        var page = await fixture.Browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(fixture.BaseUrl + "validate.html");
        await Assertions.Expect(page.Locator("#validator-status")).ToContainTextAsync("已就绪", new() { Timeout = 120_000 });
        await page.Locator("#validator-files").SetInputFilesAsync(
            files.Select(f => new FilePayload { Name = f.Name, MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = f.Data }));
        await Assertions.Expect(page.Locator("#validator-summary")).ToContainTextAsync("共检查 2 个文件", new() { Timeout = 60_000 });

        var validator = new RecordValidator(book);
        foreach (var (name, data) in files)
        {
            var cli = Entry(validator.Validate(name, data));
            var shown = page.Locator($"#validator-results > li[data-file=\"{name}\"]");
            Assert.Equal(cli.GetProperty("valid").GetBoolean() ? "true" : "false", await shown.GetAttributeAsync("data-valid"));
            var codes = await shown.Locator("li[data-code]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)");
            Assert.Equal(cli.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!), codes);
        }
        Assert.Equal("true", await page.Locator("#validator-results > li").First.GetAttributeAsync("data-valid"));
        Assert.Contains("required-missing", await page.Locator("#validator-results > li").Nth(1).Locator("li[data-code]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)"));

        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.StartsWith(fixture.BaseUrl, url, StringComparison.Ordinal));
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        Assert.Empty(errors);

        // For a person to look at (issue 18): the page with both results, on a desktop and a phone.
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"validate-{width}.png"), FullPage = true });
        }
        await page.CloseAsync();
    }

    private static JsonElement Entry(FileReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) FileReportJson.Write(json, report);
        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }
}
