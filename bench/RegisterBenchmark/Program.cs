using System.Diagnostics;
using System.Globalization;
using Handbook.Loading;
using Handbook.Tests;
using Handbook.Validator;
using Handbook.Validator.Compliance;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;
using Handbook.Validator.Register;
using Handbook.Validator.Running;

// A synthetic organization: UNITS 党支部 with a quarter of F03 records each (30 a unit), registered into DB (an SQLite
// file, or a PostgreSQL connection string), then the compliance for 2026Q1 computed from the register.
// Usage: dotnet run -c Release --project bench/RegisterBenchmark -- [UNITS] [DB] [--sample FOLDER]
var units = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var u) ? u : 2000;
var db = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : Path.Combine(Path.GetTempPath(), "register-bench.db");
var sampleAt = Array.IndexOf(args, "--sample");
const int PerUnit = 30;

var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
var form = book.FindForm("F03")!;
var records = new FormRecords(book, RepositoryPaths.Templates);
var validator = new RecordValidator(book, PackageLimits.Default, () => new DateOnly(2026, 12, 31));
var names = Enumerable.Range(1, units).Select(i => $"第{i}党支部").ToList();
var roster = new UnitRoster(names.Select(n => new Unit(n, "党支部")));

byte[] Make(string unit, int n)
{
    var values = SampleValues.Valid(book, form);
    var date = new DateOnly(2026, 1, 1).AddDays(n * 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    values["branch"] = unit;
    values["meeting_date"] = date;
    values["review_date"] = date;
    return records.Filled(form, values);
}

if (sampleAt >= 0)
{
    // A reviewer's folder: FOLDER/records with a few units' records (some missing, one invalid, one late) and
    // FOLDER/units.csv listing one unit more, which submitted nothing.
    var folder = args[sampleAt + 1];
    for (var i = 0; i < Math.Min(units, 6); i++)
        for (var m = 0; m < 3 - (i % 3); m++)
        {
            var values = SampleValues.Valid(book, form);
            // The first unit's March meeting dated the 29th: after the 28th it is due, late.
            var date = new DateOnly(2026, 1 + m, i == 0 && m == 2 ? 29 : 15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            (values["branch"], values["meeting_date"], values["review_date"]) = (names[i], date, date);
            if (i == 3 && m == 0) values.Remove("host");
            Directory.CreateDirectory(Path.Combine(folder, "records", names[i]));
            File.WriteAllBytes(Path.Combine(folder, "records", names[i], $"{date}-党小组会.docx"), records.Filled(form, values));
        }
    File.WriteAllLines(Path.Combine(folder, "units.csv"), ["name,level", .. names.Take(Math.Min(units, 6) + 1).Select(n => n + ",党支部")]);
    Console.WriteLine($"sample written to {folder}");
    return;
}

if (!RegisterStore.IsConnectionString(db)) foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
var sources = names.SelectMany(n => Enumerable.Range(0, PerUnit).Select(i => (RecordSource)new MadeRecord($"{n}/{i}.docx", () => Make(n, i)))).ToList();

using (var store = RegisterStore.Open(db))
{
    if (RegisterStore.IsConnectionString(db)) store.Clear();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var totals = new RecordRegistrar(validator, new RecordPlacer(book, roster), store, Environment.ProcessorCount).AddAll(sources);
    var seconds = watch.Elapsed.TotalSeconds;
    // The machine may be shared: CPU time says what the work cost whatever else ran beside it. Making the records is
    // this program's own cost (counted per thread as they are made) and is taken out; on 2 free cores the register
    // would then take its CPU time over 2.
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var registerCpu = Math.Max(0.001, cpuSeconds - MadeRecord.MakingSeconds);
    Console.WriteLine($"register add: {sources.Count} records ({totals.Added} added) in {seconds:F1} s wall with making them " +
        $"(here {sources.Count / seconds:F0} records/s); CPU {cpuSeconds:F1} s, of which making {MadeRecord.MakingSeconds:F1} s; " +
        $"register alone {registerCpu:F1} s CPU = {2 * sources.Count / registerCpu:F0} records/s on 2 cores; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    watch.Restart();
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var report = ComplianceReport.Compute(book, ReportPeriod.Parse("2026Q1")!, roster, store.Current());
    var html = ComplianceWriters.Html(report);
    Console.WriteLine($"compliance 2026Q1: {report.Units.Count} units, HTML {html.Length / 1024} KB in {watch.Elapsed.TotalSeconds:F2} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s); " +
        $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
}

/// <summary>A record made when it is read, so that 60,000 of them are never all in memory; the CPU time making takes is counted.</summary>
internal sealed class MadeRecord(string path, Func<byte[]> make) : RecordSource(path)
{
    private static long makingNanoseconds;

    public static double MakingSeconds => Interlocked.Read(ref makingNanoseconds) / 1e9;

    protected override (byte[]?, Handbook.Validator.Findings.Finding?) ReadBytes(PackageLimits limits)
    {
        var start = ThreadCpu();
        var data = make();
        Interlocked.Add(ref makingNanoseconds, ThreadCpu() - start);
        return (data, null);
    }

    /// <summary>This thread's CPU time in nanoseconds (Linux CLOCK_THREAD_CPUTIME_ID).</summary>
    private static long ThreadCpu()
    {
        clock_gettime(3, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
