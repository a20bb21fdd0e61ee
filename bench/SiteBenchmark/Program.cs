using System.Diagnostics;
using Handbook.SiteBenchmark;

// Builds a synthetic handbook and the default one with `publisher build`, and the same synthetic Markdown
// with Hugo, side by side; prints seconds and pages per second (the median of the runs).
// Usage: dotnet run -c Release --project bench/SiteBenchmark -- [chapters=5000] [runs=5] [--keep] [--in DIR]
// --keep leaves the generated handbooks and sites, for profiling; --in puts them in DIR (default: the temporary folder).
var numbers = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToList();
var chapters = numbers.Count > 0 ? numbers[0] : 5000;
var runs = numbers.Count > 1 ? numbers[1] : 5;
var keep = args.Contains("--keep");
var inIndex = Array.IndexOf(args, "--in");
var repository = FindRepository();
var work = Path.Combine(inIndex >= 0 ? args[inIndex + 1] : Path.GetTempPath(), "site-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    // The publisher as it is installed for real use: `dotnet publish` (precompiled, see Publisher.csproj).
    Console.WriteLine("发布 publisher（dotnet publish -c Release）…");
    var publisher = Path.Combine(work, "publisher", "publisher");
    Run("dotnet", ["publish", Path.Combine(repository, "src", "Publisher"), "-c", "Release", "-o", Path.GetDirectoryName(publisher)!, "--nologo", "-v", "quiet"]);

    Console.WriteLine($"生成合成手册：{chapters} 章 …");
    SyntheticHandbook.Write(Path.Combine(work, "handbook"), Path.Combine(work, "hugo"), chapters);
    var markdown = Directory.EnumerateFiles(Path.Combine(work, "handbook"), "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"Markdown 共 {markdown / 1024.0 / 1024.0:F1} MB，平均每章 {markdown / 1024.0 / chapters:F1} KB");

    var templates = Path.Combine(repository, "templates");
    // The machine is shared and its load drifts: the publisher and hugo take turns, so both see the same load.
    var results = Measure(work, runs,
        new Build("publisher build --only site（合成手册）", folder => (publisher,
            ["build", "--only", "site", "--source", Path.Combine(work, "handbook"), "--templates", templates, "--out", folder])),
        new Build("hugo（同一批 Markdown，最简布局）", folder => ("hugo", ["--quiet", "--source", Path.Combine(work, "hugo"), "--destination", folder])),
        new Build("publisher build --only site（默认手册）", folder => (publisher,
            ["build", "--only", "site", "--source", Path.Combine(repository, "handbook"), "--templates", templates, "--out", folder])),
        new Build("publisher build（默认手册，全部输出）", folder => (publisher,
            ["build", "--source", Path.Combine(repository, "handbook"), "--templates", templates, "--out", folder])));
    var (synthetic, hugo) = (results[0], results[1]);

    Console.WriteLine();
    Console.WriteLine("| 构建 | 页面数 | 秒（中位数） | 页/秒 | CPU 秒（中位数） |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var r in results)
        Console.WriteLine($"| {r.Name} | {r.Pages} | {r.Seconds:F2} | {r.Pages / r.Seconds:F0} | {r.Cpu:F2} |");
    // Ratios taken within each round (same load), then the median: steadier than the ratio of the medians.
    var wall = Result.Median([.. synthetic.Times.Zip(hugo.Times, (p, h) => p / h)]);
    var cpuRatio = Result.Median([.. synthetic.Cpus.Zip(hugo.Cpus, (p, h) => p / h)]);
    Console.WriteLine($"\n合成手册：publisher 用时是 hugo 的 {synthetic.Seconds / hugo.Seconds:F2} 倍，CPU 时间是 {synthetic.Cpu / hugo.Cpu:F2} 倍（中位数之比）；" +
        $"逐轮比值的中位数：用时 {wall:F2} 倍，CPU {cpuRatio:F2} 倍（小于 1 即比 hugo 快）。");
    return 0;
}
finally
{
    if (keep) Console.WriteLine($"保留在 {work}");
    else if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}

/// <summary>
/// Runs each build once per round, in turn, for the given number of rounds. Each run writes a new folder and
/// none is deleted until the end: on a file system without a journal (as here) ext4 skips over recently deleted
/// inodes when it creates files, so deleting one run's thousands of files slows whichever build runs next.
/// Before each run the disk is synced, so that writing back the previous run's files is not timed either.
/// </summary>
static List<Result> Measure(string work, int runs, params Build[] builds)
{
    var times = builds.Select(_ => new List<double>()).ToList();
    var cpu = builds.Select(_ => new List<double>()).ToList();
    var outputs = builds.Select(_ => "").ToArray();
    for (var run = 0; run < runs; run++)
    {
        for (var b = 0; b < builds.Length; b++)
        {
            var build = builds[b];
            outputs[b] = Path.Combine(work, "out", $"{b}-{run}");
            var (program, arguments) = build.Command(outputs[b]);
            Run("sync", []);
            var cpuBefore = ChildCpu.Seconds();
            var stopwatch = Stopwatch.StartNew();
            Run(program, arguments);
            stopwatch.Stop();
            times[b].Add(stopwatch.Elapsed.TotalSeconds);
            cpu[b].Add(ChildCpu.Seconds() - cpuBefore);
            Console.WriteLine($"  {build.Name}：第 {run + 1} 次 {stopwatch.Elapsed.TotalSeconds:F2} 秒，CPU {cpu[b][^1]:F2} 秒");
        }
    }
    return [.. builds.Select((build, b) => new Result(build.Name,
        Directory.EnumerateFiles(outputs[b], "*.html", SearchOption.AllDirectories).Count(), times[b], cpu[b]))];
}

static void Run(string program, string[] arguments)
{
    var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
}

static string FindRepository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Handbook.sln"))) directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Handbook.sln not found");
}

/// <param name="Command">The program and its arguments, given the output folder.</param>
internal sealed record Build(string Name, Func<string, (string Program, string[] Arguments)> Command);

internal sealed record Result(string Name, int Pages, List<double> Times, List<double> Cpus)
{
    public double Seconds => Median(Times);
    public double Cpu => Median(Cpus);

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
