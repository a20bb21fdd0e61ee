using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Handbook.Tests.Site;

/// <summary>
/// The page 校验记录 driven as a user drives it (files chosen or dropped), what it shows read back from its
/// data- attributes, and every request it made.
/// </summary>
internal sealed class ValidatePage
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 180_000 };

    private ValidatePage(IPage page) => Page = page;

    public IPage Page { get; }
    public List<string> Requests { get; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>Opens the page and waits (generously: the machine may be loaded) until the validator is ready.</summary>
    public static async Task<ValidatePage> Open(IBrowser browser, string baseUrl)
    {
        var page = new ValidatePage(await browser.NewPageAsync());
        page.Page.PageError += (_, error) => page.Errors.Add(error);
        page.Page.Console += (_, message) => { if (message.Type == "error") page.Errors.Add(message.Text); };
        page.Page.Request += (_, request) => page.Requests.Add(request.Url);
        await page.Page.GotoAsync(baseUrl + "validate.html");
        await Assertions.Expect(page.Page.Locator("#validator-status")).ToContainTextAsync("已就绪", Slow);
        return page;
    }

    /// <summary>The files chosen in the page's file input; returns what the page shows once it has checked them all.</summary>
    public async Task<IReadOnlyList<ShownResult>> Choose(IReadOnlyCollection<(string Name, byte[] Data)> files)
    {
        await Page.Locator("#validator-files").SetInputFilesAsync(files.Select(f => new FilePayload { Name = f.Name, MimeType = DocxType, Buffer = f.Data }),
            new() { Timeout = 180_000 });
        return await Results(files.Count);
    }

    /// <summary>The files dropped on the drop zone, as a file manager drops them.</summary>
    public async Task<IReadOnlyList<ShownResult>> Drop(IReadOnlyCollection<(string Name, byte[] Data)> files)
    {
        await Page.Locator("#validator-drop").EvaluateAsync("""
            (zone, files) => {
              const transfer = new DataTransfer();
              for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.data), c => c.charCodeAt(0))], f.name));
              zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
            """, files.Select(f => new { name = f.Name, data = Convert.ToBase64String(f.Data) }).ToArray());
        return await Results(files.Count);
    }

    /// <summary>axe (WCAG rules) finds nothing serious or critical on the page as it is now.</summary>
    public async Task AssertAccessible()
    {
        var axe = await Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
    }

    /// <summary>Every request went to the site itself, and there were some.</summary>
    public void AssertOnlyRequested(string baseUrl)
    {
        Assert.NotEmpty(Requests);
        Assert.All(Requests, url => Assert.StartsWith(baseUrl, url, StringComparison.Ordinal));
    }

    /// <summary>
    /// Each file shown as the command line reports it: its name, 合格 or not, the form and version recognized, and its
    /// findings in order with their code, severity and message.
    /// </summary>
    public static void AssertSameAsCommandLine(IReadOnlyDictionary<string, JsonElement> cli, IReadOnlyList<ShownResult> shown)
    {
        Assert.Equal(cli.Keys.Order(StringComparer.Ordinal), shown.Select(r => r.File).Order(StringComparer.Ordinal));
        foreach (var result in shown)
        {
            var entry = cli[result.File];
            Assert.True(entry.GetProperty("valid").GetBoolean().ToString().ToLowerInvariant() == result.Valid, $"{result.File}: data-valid {result.Valid}");
            if (entry.GetProperty("form") is { ValueKind: JsonValueKind.Object } form)
            {
                Assert.Contains(form.GetProperty("id").GetString()!, result.Text, StringComparison.Ordinal);
                Assert.Contains(form.GetProperty("version").GetString() ?? "", result.Text, StringComparison.Ordinal);
            }
            else Assert.Equal("未识别的表单", result.Text);
            var findings = entry.GetProperty("errors").EnumerateArray().ToList();
            Assert.Equal(findings.Select(f => f.GetProperty("code").GetString()), result.Findings.Select(f => f.Code));
            foreach (var (expected, line) in findings.Zip(result.Findings))
            {
                Assert.Equal(expected.GetProperty("severity").GetString(), line.Severity);
                Assert.Contains(expected.GetProperty("message").GetString()!, line.Text, StringComparison.Ordinal);
            }
        }
    }

    private async Task<IReadOnlyList<ShownResult>> Results(int count)
    {
        await Assertions.Expect(Page.Locator("#validator-summary")).ToContainTextAsync($"共检查 {count} 个文件", Slow);
        var json = await Page.Locator("#validator-results").EvaluateAsync<string>("""
            list => JSON.stringify([...list.querySelectorAll(":scope > li[data-file]")].map(item => ({
              file: item.dataset.file,
              valid: item.dataset.valid,
              text: item.querySelector("p").textContent,
              findings: [...item.querySelectorAll("li[data-code]")].map(f => ({ code: f.dataset.code, severity: f.dataset.severity, text: f.textContent })),
            })))
            """);
        return JsonSerializer.Deserialize<ShownResult[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public sealed record ShownResult(string File, string Valid, string Text, ShownFinding[] Findings);

    public sealed record ShownFinding(string Code, string Severity, string Text);
}
