using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Handbook.Loading;
using Handbook.Validator.Benchmark;

// Generates records of every form, or of the forms named by --forms (4 in 5 valid), then runs the real
// `validator` program on the folder and reports its speed and peak memory as the operating system sees them.
// --per-form N: instead, checks each form's record N times in this process and reports the rate per form.
//   ValidatorBenchmark [--count 10000] [--jobs N] [--forms F01,F03] [--per-form 200] [--source handbook] [--templates templates]
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
var source = Path.GetFullPath(options.GetValueOrDefault("--source", "handbook"));
var templates = Path.GetFullPath(options.GetValueOrDefault("--templates", "templates"));
var count = int.Parse(options.GetValueOrDefault("--count", "10000"), CultureInfo.InvariantCulture);
var jobs = options.GetValueOrDefault("--jobs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
var book = BookLoader.Load(source).Book;
if (book is null)
{
    Console.Error.WriteLine($"手册“{source}”无法加载");
    return 2;
}

var named = options.GetValueOrDefault("--forms")?.Split(',');
var forms = named is null ? [.. book.Forms] : named.Select(id => book.FindForm(id) ?? throw new ArgumentException($"没有表单“{id}”")).ToList();
var generate = Stopwatch.StartNew();
var set = new RecordSet(book, templates, forms);
if (options.TryGetValue("--per-form", out var rounds))
{
    PerForm.Report(book, set, int.Parse(rounds, CultureInfo.InvariantCulture));
    return 0;
}

var folder = Directory.CreateTempSubdirectory("validator-bench-").FullName;
try
{
    var records = Path.Combine(folder, "records");
    set.Write(records, count);
    var averageKb = Enumerable.Range(0, forms.Count).Average(i => PerForm.DocumentKb(set.Valid(i)));
    Console.WriteLine($"生成 {count} 份记录（{forms.Count} 种表单：{string.Join(",", forms.Select(f => f.Id))}；document.xml 平均 {averageKb:0} KB；每 5 份中 1 份不合格）：{generate.Elapsed.TotalSeconds:0.0} 秒");

    var report = Path.Combine(folder, "report.json");
    var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "validator")) { UseShellExecute = false };
    foreach (var a in (string[])[records, "--source", source, "--format", "json", "--out", report, "--jobs", jobs]) start.ArgumentList.Add(a);
    var wall = Stopwatch.StartNew();
    using var child = Process.Start(start)!;
    var (peakKb, cpu) = (0L, TimeSpan.Zero);
    while (!child.HasExited)
    {
        // Sampled while it runs: the high-water mark only grows, so the last sample is the peak.
        peakKb = Math.Max(peakKb, HighWaterKb(child.Id));
        try { cpu = child.TotalProcessorTime; } catch (InvalidOperationException) { }
        Thread.Sleep(20);
    }
    wall.Stop();

    var stats = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("stats");
    var files = stats.GetProperty("files").GetInt32();
    var seconds = stats.GetProperty("seconds").GetDouble();
    Console.WriteLine($"validator --jobs {jobs}：{files} 份（{stats.GetProperty("valid").GetInt32()} 合格，{stats.GetProperty("invalid").GetInt32()} 不合格）");
    Console.WriteLine($"  检查用时 {seconds:0.00} 秒 = 每秒 {files / seconds:0} 份（含启动和加载手册共 {wall.Elapsed.TotalSeconds:0.00} 秒）");
    Console.WriteLine($"  CPU {cpu.TotalSeconds:0.00} 秒 = 每 CPU 秒 {files / cpu.TotalSeconds:0} 份；峰值内存 {peakKb / 1024.0:0} MB");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static long HighWaterKb(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return 0;
    }
}
