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

// The records are made once into a folder (kept for the next run) and registered from there as `register add FOLDER`
// would, so that the timed part is reading, validating and storing only.
var made = Path.Combine(Path.GetTempPath(), $"register-bench-records-{units}");
if (!File.Exists(Path.Combine(made, "complete")))
{
    var making = Stopwatch.StartNew();
    Parallel.ForEach(names, unit =>
    {
        Directory.CreateDirectory(Path.Combine(made, unit));
        for (var i = 0; i < PerUnit; i++) File.WriteAllBytes(Path.Combine(made, unit, $"{i}.docx"), Make(unit, i));
    });
    File.WriteAllText(Path.Combine(made, "complete"), "");
    Console.WriteLine($"made {units * PerUnit} records into {made} in {making.Elapsed.TotalSeconds:F0} s (once; reused by later runs; this run's peak working set includes making them)");
}
if (!RegisterStore.IsConnectionString(db)) foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
using var expander = new InputExpander();
var sources = expander.Expand(names.Select(n => Path.Combine(made, n)), validator.Limits);

using (var store = RegisterStore.Open(db))
{
    if (RegisterStore.IsConnectionString(db)) store.Clear();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var serverCpu = ServerCpu.Seconds();
    var watch = Stopwatch.StartNew();
    var totals = new RecordRegistrar(validator, new RecordPlacer(book, roster), store, Environment.ProcessorCount).AddAll(sources);
    var seconds = watch.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var serverSeconds = ServerCpu.Seconds() - serverCpu;
    // Wall clock is the figure (records read, validated and stored, the database server included), true on a quiet
    // machine. On a shared one the CPU time says what the work cost: the register's own plus, for a PostgreSQL on
    // this machine, the server's; 2 free cores would do it in their sum over 2.
    var total = cpuSeconds + serverSeconds;
    Console.WriteLine($"register add: {sources.Count} records ({totals.Added} added) in {seconds:F1} s wall = {sources.Count / seconds:F0} records/s; " +
        $"CPU: register {cpuSeconds:F1} s" + (RegisterStore.IsConnectionString(db) ? $" + PostgreSQL server {serverSeconds:F1} s" : "") +
        $" = {2 * sources.Count / total:F0} records/s on 2 free cores; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    watch.Restart();
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var report = ComplianceReport.Compute(book, ReportPeriod.Parse("2026Q1")!, roster, store.Current());
    var html = ComplianceWriters.Html(report);
    Console.WriteLine($"compliance 2026Q1: {report.Units.Count} units, HTML {html.Length / 1024} KB in {watch.Elapsed.TotalSeconds:F2} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s); " +
        $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
}

/// <summary>
/// The CPU time of the PostgreSQL processes on this machine (Linux /proc; 0 when there are none): the backends alive
/// now and, through the postmaster's children times, those that ended.
/// </summary>
internal static class ServerCpu
{
    public static double Seconds()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            // pid (comm) state ppid …: utime, stime, cutime, cstime are the 14th to 17th fields.
            var close = stat.LastIndexOf(')');
            if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal)) continue;
            var fields = stat[(close + 2)..].Split(' ');
            for (var i = 11; i <= 14; i++) ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        return ticks / 100.0; // clock ticks: 100 a second on Linux
    }
}
