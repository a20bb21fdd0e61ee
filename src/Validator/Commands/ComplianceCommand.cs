using System.CommandLine;
using System.Text;
using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Validator.Compliance;
using Handbook.Validator.Register;
using Handbook.Validator.Running;

namespace Handbook.Validator.Commands;

/// <summary>`validator compliance [PATH... | --db …] --period 2026Q1`: each unit's records for a period, ranked.</summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "记录文件、文件夹或 .zip（不写则读登记库）", Arity = ArgumentArity.ZeroOrMore };
        var source = new Option<DirectoryInfo>("--source") { Description = "手册源文件夹", DefaultValueFactory = _ => new DirectoryInfo("handbook") };
        var db = RegisterCommand.DbOption();
        var units = RegisterCommand.UnitsOption();
        var period = new Option<string>("--period") { Description = "统计期：2026Q1、2026H1、2026 或 2026-03", Required = true };
        var format = new Option<string>("--format") { Description = "报告格式：text、json、html 或 xlsx", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html", "xlsx");
        var output = new Option<FileInfo?>("--out") { Description = "报告写入此文件（默认输出到终端；xlsx 必须写）" };
        var jobs = new Option<int>("--jobs") { Description = "并行检查的线程数", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("compliance", "核标：统计期内各单位应交、合格、不合格、缺交、逾期的记录，完成率、得分和排名")
        {
            paths, source, db, units, period, format, output, jobs,
        };
        command.SetAction(r => Run(r.GetValue(paths) ?? [], r.GetValue(source)!, r.GetValue(db)!, r.GetValue(units),
            r.GetValue(period)!, r.GetValue(format)!, r.GetValue(output), r.GetValue(jobs)));
        return command;
    }

    private static int Run(string[] paths, DirectoryInfo source, string db, FileInfo? units, string periodText, string format, FileInfo? output, int jobs)
    {
        if (ReportPeriod.Parse(periodText) is not { } period)
        {
            Console.Error.WriteLine($"统计期“{periodText}”无效：应为 2026Q1、2026H1、2026 或 2026-03 这样的写法");
            return ValidateCommand.CannotProceed;
        }
        if (format == "xlsx" && output is null)
        {
            Console.Error.WriteLine("xlsx 报告须用 --out 指定文件");
            return ValidateCommand.CannotProceed;
        }
        var book = ValidateCommand.LoadBook(source);
        if (book is null) return ValidateCommand.CannotProceed;
        var roster = RegisterCommand.ReadRoster(source, units);
        if (roster.Failed) return ValidateCommand.CannotProceed;

        ComplianceReport report;
        if (paths.Length > 0)
        {
            var validator = new RecordValidator(book);
            using var expander = new InputExpander();
            var sources = ValidateCommand.Expand(expander, paths, validator, "无法统计");
            if (sources is null) return ValidateCommand.CannotProceed;
            report = ComplianceReport.Compute(book, period, roster.Roster, FromFiles(book, validator, roster.Roster, sources, jobs));
        }
        else
        {
            if (!RegisterStore.IsConnectionString(db) && !File.Exists(db))
            {
                Console.Error.WriteLine($"登记库“{db}”不存在：先用“validator register add”登记记录，或直接给出记录文件夹");
                return ValidateCommand.CannotProceed;
            }
            try
            {
                using var store = RegisterStore.Open(db);
                report = ComplianceReport.Compute(book, period, roster.Roster, store.Current());
            }
            catch (System.Data.Common.DbException e)
            {
                Console.Error.WriteLine($"无法读取登记库：{e.Message}");
                return ValidateCommand.CannotProceed;
            }
        }
        Write(report, format, output);
        return ValidateCommand.AllValid;
    }

    /// <summary>Records read straight from files, as the register would keep them: one per content, the last for a unit, form and date.</summary>
    private static IEnumerable<RegisteredRecord> FromFiles(Book book, RecordValidator validator, UnitRoster? roster, List<RecordSource> sources, int jobs)
    {
        var placer = new RecordPlacer(book, roster);
        var records = new (string Hash, RegisteredRecord Record)?[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            var (data, problem) = sources[i].Read(validator.Limits);
            if (problem is not null) return;
            records[i] = (RegisterStore.Hash(data.Span), placer.Check(validator, sources[i].Path, data).Record);
        });
        // In input order, as `register add` would store them: the later of two for one unit, form and date wins.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new Dictionary<(string, string, DateOnly), RegisteredRecord>();
        var undated = new List<RegisteredRecord>();
        foreach (var (hash, record) in records.OfType<(string, RegisteredRecord)>())
        {
            if (!seen.Add(hash)) continue;
            if (record.Date is { } date) current[(record.Unit, record.Form, date)] = record;
            else undated.Add(record);
        }
        return current.Values.Concat(undated);
    }

    private static void Write(ComplianceReport report, string format, FileInfo? output)
    {
        if (format == "xlsx")
        {
            WorkbookWriter.Write(output!.FullName, ComplianceWriters.Workbook(report));
            return;
        }
        var text = format switch
        {
            "json" => ComplianceWriters.Json(report),
            "html" => ComplianceWriters.Html(report),
            _ => ComplianceWriters.Text(report),
        };
        if (output is null) Console.Write(text);
        else File.WriteAllText(output.FullName, text, new UTF8Encoding(false));
    }
}
