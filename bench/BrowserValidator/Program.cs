using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Handbook.Loading;
using Handbook.Validator.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// The page 校验记录 (validate.html) of the default handbook's site, served as a static folder on 127.0.0.1 and opened in
// headless Debian Chromium, against the targets of issue 18:
//   size:  everything the page loads on a first visit, compressed (the .br beside a file, else the file brotli'd);
//   ready: first visit (empty cache) until the status line says 已就绪, median of --rounds fresh browser contexts;
//   one:   each further record, a filled F09 with all 15 rows of its table, through handbookValidator.validate in the
//          page, median and max of 20 after one warm-up;
//   fifty: 50 such records chosen at once in the page's file input, until the summary line says all were checked.
// Usage: dotnet run -c Release --project bench/BrowserValidator -- [--site BUILT_SITE] [--rounds 5]
// (without --site: builds the site first with `dotnet run --project src/Publisher -c Release -- build --only site`).
string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : fallback;
var rounds = int.Parse(Option("--rounds", "5"), CultureInfo.InvariantCulture);
var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repository.FullName, "Handbook.sln"))) repository = repository.Parent!;
var handbook = Path.Combine(repository.FullName, "handbook");
var templates = Path.Combine(repository.FullName, "templates");
var work = Directory.CreateTempSubdirectory("browser-validator-bench-").FullName;
try
{
    var site = Path.GetFullPath(Option("--site", Path.Combine(work, "site")));
    if (!File.Exists(Path.Combine(site, "validate.html")))
    {
        Console.WriteLine("生成网站（publisher build --only site）…");
        Run("dotnet", "run", "--project", Path.Combine(repository.FullName, "src", "Publisher"), "-c", "Release", "--",
            "build", "--source", handbook, "--templates", templates, "--out", site, "--only", "site");
    }

    var book = BookLoader.Load(handbook).Book!;
    var form = book.FindForm("F09")!;
    var values = SampleValues.Valid(book, form);
    var table = form.Fields.Single(f => f.Id == "dues");
    for (var row = 2; row <= table.Rows; row++)
        foreach (var column in table.Columns)
            if (values.TryGetValue($"dues.1.{column.Id}", out var value))
                values[$"dues.{row}.{column.Id}"] = column.Id == "name" ? $"党员{row}" : value;
    var record = new FormRecords(book, templates).Filled(form, values);

    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    await using var server = builder.Build();
    server.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(site) });
    await server.StartAsync();
    var baseUrl = server.Urls.First() + "/";

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    Console.WriteLine($"负载（/proc/loadavg）：{File.ReadAllText("/proc/loadavg").Trim()}");
    var readyTimes = new List<double>();
    List<string> loaded = [];
    IPage page = null!;
    for (var round = 0; round < rounds; round++)
    {
        var context = await browser.NewContextAsync();
        page = await context.NewPageAsync();
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);
        // The moment the status line says ready, on the page's own clock (milliseconds since navigation started).
        await page.AddInitScriptAsync("""
            new MutationObserver(() => {
              const status = document.getElementById("validator-status");
              if (status && status.textContent.includes("已就绪") && !window.benchReady) window.benchReady = performance.now();
            }).observe(document, { subtree: true, childList: true, characterData: true });
            """);
        await page.GotoAsync(baseUrl + "validate.html");
        await page.WaitForFunctionAsync("() => window.benchReady", null, new() { Timeout = 300_000, PollingInterval = 50 });
        readyTimes.Add(await page.EvaluateAsync<double>("() => window.benchReady"));
        // Where the time went: the page script's marks (handbook-validator.js), in ms since navigation started.
        Console.WriteLine("  " + await page.EvaluateAsync<string>("() => performance.getEntriesByType('mark').map(m => m.name.replace('handbook-validator:', '') + ' ' + Math.round(m.startTime)).join(', ') + ', ready ' + Math.round(window.benchReady)"));
        loaded = urls;
        if (round < rounds - 1) await context.CloseAsync();
    }

    var foreign = loaded.Where(u => !u.StartsWith(baseUrl, StringComparison.Ordinal)).ToList();
    long plain = 0, compressed = 0;
    foreach (var url in loaded.Distinct(StringComparer.Ordinal))
    {
        var path = Path.Combine(site, Uri.UnescapeDataString(new Uri(url).AbsolutePath.TrimStart('/')));
        if (!File.Exists(path)) continue;
        plain += new FileInfo(path).Length;
        compressed += File.Exists(path + ".br") ? new FileInfo(path + ".br").Length : Brotli(File.ReadAllBytes(path));
    }

    await page.EvaluateAsync("data => { window.benchRecord = Uint8Array.from(atob(data), c => c.charCodeAt(0)); }", Convert.ToBase64String(record));
    var one = await page.EvaluateAsync<double[]>("""
        async () => {
          const first = await handbookValidator.validate(window.benchRecord, "F09.docx");
          if (!first.valid) throw new Error(JSON.stringify(first.errors));
          const times = [];
          for (let i = 0; i < 20; i++) {
            const t = performance.now();
            await handbookValidator.validate(window.benchRecord, "F09.docx");
            times.push(performance.now() - t);
          }
          return times;
        }
        """);

    await page.EvaluateAsync("""
        () => {
          document.getElementById("validator-files").addEventListener("change", () => { window.benchChosen = performance.now(); }, { capture: true });
          const summary = document.getElementById("validator-summary");
          new MutationObserver(() => {
            if (summary.textContent.includes("共检查 50 个文件")) window.benchFifty = performance.now();
          }).observe(summary, { subtree: true, childList: true, characterData: true });
        }
        """);
    await page.Locator("#validator-files").SetInputFilesAsync(Enumerable.Range(1, 50).Select(i => new FilePayload
    {
        Name = $"F09-{i:00}.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = record,
    }));
    await page.WaitForFunctionAsync("() => window.benchFifty", null, new() { Timeout = 600_000, PollingInterval = 50 });
    var fifty = await page.EvaluateAsync<double>("() => window.benchFifty - window.benchChosen");
    var valid = await page.Locator("#validator-results > li[data-valid=true]").CountAsync();

    Console.WriteLine($"页面加载的文件：{loaded.Count} 个请求，其中站外 {foreign.Count} 个");
    Console.WriteLine($"下载大小（压缩后）：{compressed:N0} 字节（{compressed / 1e6:0.00} MB；未压缩 {plain / 1e6:0.00} MB；目标 ≤ 6 MB）");
    Console.WriteLine($"首次访问到就绪：中位数 {Median(readyTimes):0} ms（{string.Join(", ", readyTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}；目标 < 3 s）");
    Console.WriteLine($"再检查一份 F09（表格 15 行，{record.Length:N0} 字节）：中位数 {Median(one):0.0} ms，最长 {one.Max():0.0} ms（目标 < 200 ms）");
    Console.WriteLine($"一次选择 50 份：{fifty:0} ms，{valid} 份合格（目标 < 10 s）");
    Console.WriteLine($"负载（/proc/loadavg）：{File.ReadAllText("/proc/loadavg").Trim()}");
    return foreign.Count == 0 && valid == 50 ? 0 : 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static long Brotli(byte[] data)
{
    using var buffer = new MemoryStream();
    using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) brotli.Write(data);
    return buffer.Length;
}

static void Run(string file, params string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}");
}
