using System.Diagnostics;

namespace Handbook.SiteBenchmark;

/// <param name="Command">The program and its arguments, given the output folder.</param>
internal sealed record Build(string Name, Func<string, (string Program, string[] Arguments)> Command);

internal sealed record Result(string Name, int Pages, List<double> Times, List<double> Cpus)
{
    public double Seconds => Median(Times);
    public double Cpu => Median(Cpus);

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The median of the ratios taken within each round (same load): steadier than the ratio of the medians.</summary>
    public double RatioTo(Result other) => Median([.. Times.Zip(other.Times, (a, b) => a / b)]);

    public double CpuRatioTo(Result other) => Median([.. Cpus.Zip(other.Cpus, (a, b) => a / b)]);
}

/// <summary>Runs builds side by side and times them; runs the programs the benchmark needs.</summary>
internal static class Rounds
{
    /// <summary>
    /// Runs each build once per round, in turn, for the given number of rounds. Each run writes a new folder and
    /// none is deleted until the end: on a file system without a journal (as here) ext4 skips over recently deleted
    /// inodes when it creates files, so deleting one run's thousands of files slows whichever build runs next.
    /// Before each run the disk is synced, so that writing back the previous run's files is not timed either.
    /// </summary>
    public static List<Result> Measure(string work, int runs, params Build[] builds)
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
        return [.. builds.Select((build, b) => new Result(build.Name, Pages(outputs[b]), times[b], cpu[b]))];
    }

    public static void Print(IEnumerable<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine("| 构建 | 页面数 | 秒（中位数） | 页/秒 | CPU 秒（中位数） |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name} | {r.Pages} | {r.Seconds:F2} | {r.Pages / r.Seconds:F0} | {r.Cpu:F2} |");
    }

    public static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
    }

    /// <summary>The output's HTML pages (a single-file output, such as a .docx, counts as none).</summary>
    private static int Pages(string output) =>
        Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count() : 0;
}
