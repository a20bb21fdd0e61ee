using System.Diagnostics;
using System.Globalization;
using Handbook.Loading;
using Handbook.ServeBenchmark;
using Handbook.SiteBenchmark;
using Handbook.Validator.Fixtures;

// publisher serve under use, against the issue's targets:
//   reload:   edit-to-reload, median and p95 over --edits edits, on the default handbook and on a synthetic handbook of
//             --chapters chapters, side by side with `hugo server` on the same Markdown of the synthetic one;
//   validate: POST /api/validate, --connections connections for --seconds s, a typical filled record, then with 10%
//             hostile files; throughput, p50/p99, every answer checked against the answer for that file;
//   memory:   edits every 2 s and uploads from 4 connections for --minutes minutes; the server's resident memory.
// Usage: dotnet run -c Release --project bench/ServeBenchmark -- [reload] [validate] [memory]
//        [--chapters 5000] [--edits 20] [--seconds 30] [--connections 16] [--minutes 30] [--publisher PATH]
// (--publisher: a publisher already published, instead of publishing it first)
// (none of reload/validate/memory: reload and validate).
string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : fallback;
var modes = args.Where(a => a is "reload" or "validate" or "memory").ToHashSet();
if (modes.Count == 0) modes = ["reload", "validate"];
var chapters = int.Parse(Option("--chapters", "5000"), CultureInfo.InvariantCulture);
var edits = int.Parse(Option("--edits", "20"), CultureInfo.InvariantCulture);
var seconds = int.Parse(Option("--seconds", "30"), CultureInfo.InvariantCulture);
var connections = int.Parse(Option("--connections", "16"), CultureInfo.InvariantCulture);
var minutes = double.Parse(Option("--minutes", "30"), CultureInfo.InvariantCulture);

var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repository.FullName, "Handbook.sln"))) repository = repository.Parent!;
var templates = Path.Combine(repository.FullName, "templates");
var work = Directory.CreateTempSubdirectory("serve-benchmark-").FullName;
try
{
    var publisher = Option("--publisher", Path.Combine(work, "publisher", "publisher"));
    if (!File.Exists(publisher))
    {
        Console.WriteLine("发布 publisher（dotnet publish -c Release）…");
        Run("dotnet", "publish", Path.Combine(repository.FullName, "src", "Publisher"), "-c", "Release", "-o", Path.GetDirectoryName(publisher)!, "--nologo", "-v", "quiet");
    }
    var handbook = Path.Combine(work, "handbook");
    Copy(Path.Combine(repository.FullName, "handbook"), handbook);
    Task<ServerProcess> Serve(string source) => ServerProcess.Start(publisher, port => ["serve", "--source", source, "--templates", templates, "--port", port.ToString(CultureInfo.InvariantCulture)], "healthz");

    if (modes.Contains("reload"))
    {
        using (var server = await Serve(handbook))
            Report("publisher serve，默认手册（62 篇）", await EditToReload.Publisher(server, Path.Combine(handbook, "rules", "R03.md"), "rules/R03.html", edits));

        Console.WriteLine($"生成 {chapters} 篇的合成手册…");
        var synthetic = Path.Combine(work, "synthetic");
        var hugo = Path.Combine(work, "hugo");
        SyntheticHandbook.Write(synthetic, hugo, chapters);
        var middle = chapters / 2;
        var (part, id) = ($"p{middle / 100 + 1:D2}", $"C{middle + 1:D5}");
        List<double> ours, theirs;
        using (var server = await Serve(synthetic))
            ours = await EditToReload.Publisher(server, Path.Combine(synthetic, part, id + ".md"), $"{part}/{id}.html", edits);
        Report($"publisher serve，合成手册（{chapters} 篇）", ours);
        using (var server = await ServerProcess.Start("hugo", port => ["server", "--source", hugo, "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--quiet"], ""))
            theirs = await EditToReload.Polling($"{server.Url}{part}/{id.ToLowerInvariant()}/", Path.Combine(hugo, "content", part, id + ".md"), edits);
        Report($"hugo server，同一批 Markdown（{chapters} 篇）", theirs);
        Console.WriteLine($"中位数之比 publisher/hugo：{Percentiles.Of(ours, 0.5) / Percentiles.Of(theirs, 0.5):F2}；p95 之比：{Percentiles.Of(ours, 0.95) / Percentiles.Of(theirs, 0.95):F2}");
    }

    if (modes.Contains("validate") || modes.Contains("memory"))
    {
        using var server = await Serve(handbook);
        var (typical, hostile) = await Uploads(server.Url, handbook);
        if (modes.Contains("validate"))
        {
            foreach (var share in new[] { 0.0, 0.1 })
            {
                var r = await ValidationLoad.Run(server.Url, typical, hostile, share, connections, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"POST /api/validate，{connections} 个连接 {seconds} 秒，{(share == 0 ? "典型记录" : "含 10% 恶意文件")}：" +
                    $"{r.Requests} 次，{r.PerSecond:F0} 次/秒，p50 {r.P50:F1} ms，p99 {r.P99:F1} ms（其中典型记录 p99 {r.TypicalP99:F1} ms），最长 {r.Max:F0} ms，答错 {r.Wrong}，503 {r.Busy}，内存 {server.ResidentMb():F0} MB");
            }
        }
        if (modes.Contains("memory")) await Memory(server, handbook, typical, hostile, TimeSpan.FromMinutes(minutes));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

void Report(string name, List<double> times) =>
    Console.WriteLine($"{name}：保存到页面更新 中位数 {Percentiles.Of(times, 0.5):F0} ms，p95 {Percentiles.Of(times, 0.95):F0} ms（{times.Count} 次编辑；最短 {times.Min():F0}，最长 {times.Max():F0}）");

// A typical filled record (F03, every field filled and valid) and the hostile files, each with the answer it must get.
async Task<(Upload Typical, Upload[] Hostile)> Uploads(string url, string source)
{
    var book = BookLoader.Load(source).Book!;
    var form = book.FindForm("F03")!;
    var valid = new FormRecords(book, templates).Filled(form, SampleValues.Valid(book, form));
    (string Name, byte[] Data)[] hostile =
    [
        ("纯文本.docx", HostileFiles.NotAZip()), ("截断.docx", HostileFiles.Truncated(valid)), ("压缩炸弹.docx", HostileFiles.ZipBomb(valid)),
        ("外部实体.docx", HostileFiles.ExternalEntity(valid)), ("加密.docx", HostileFiles.Encrypted()), ("旧格式.doc", HostileFiles.LegacyDoc()),
        ("超大部件.docx", HostileFiles.OversizedPart(valid)),
        ("超长取值.docx", new FormRecords(book, templates).Filled(form, SampleValues.Huge(book, form))),
    ];
    using var client = new HttpClient();
    var typical = new Upload("党小组会记录.docx", valid, await ValidationLoad.Answer(client, url, "党小组会记录.docx", valid));
    if (!typical.Expected.Contains("\"valid\": true", StringComparison.Ordinal)) throw new InvalidOperationException("the typical record is not valid: " + typical.Expected);
    var uploads = new List<Upload>();
    foreach (var (name, data) in hostile)
        uploads.Add(new Upload(name, data, await ValidationLoad.Answer(client, url, name, data)));
    // What each file costs alone, one request at a time: where the hostile mix's tail comes from.
    foreach (var upload in uploads.Prepend(typical))
    {
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            if (await ValidationLoad.Answer(client, url, upload.Name, upload.Data) != upload.Expected) throw new InvalidOperationException("a different answer for " + upload.Name);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  单独上传 {upload.Name}（{upload.Data.Length / 1024} KB）20 次：中位数 {Percentiles.Of(times, 0.5):F1} ms，最长 {times.Max():F1} ms");
    }
    return (typical, [.. uploads]);
}

async Task Memory(ServerProcess server, string source, Upload typical, Upload[] hostile, TimeSpan duration)
{
    var file = Path.Combine(source, "rules", "R03.md");
    var original = await File.ReadAllTextAsync(file);
    var samples = new List<(double Minutes, double Mb)> { (0, server.ResidentMb()) };
    var watch = Stopwatch.StartNew();
    var uploads = Task.Run(async () =>
    {
        while (watch.Elapsed < duration) await ValidationLoad.Run(server.Url, typical, hostile, 0.1, 4, TimeSpan.FromSeconds(10));
    });
    var editsMade = 0;
    while (watch.Elapsed < duration)
    {
        await File.WriteAllTextAsync(file, $"{original}\n第{++editsMade}次编辑。\n");
        await Task.Delay(2000);
        if (editsMade % 30 == 0) samples.Add((watch.Elapsed.TotalMinutes, server.ResidentMb()));
    }
    await uploads;
    await File.WriteAllTextAsync(file, original);
    samples.Add((watch.Elapsed.TotalMinutes, server.ResidentMb()));
    Console.WriteLine($"内存（{duration.TotalMinutes:F0} 分钟，{editsMade} 次编辑，上传不停）：" + string.Join("，", samples.Select(s => $"{s.Minutes:F0} 分 {s.Mb:F0} MB")));
}

static void Run(string program, params string[] arguments)
{
    using var process = Process.Start(program, arguments);
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode})");
}

static void Copy(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
