using System.CommandLine;
using Handbook.Model;
using Handbook.Validator.Register;
using Handbook.Validator.Running;

namespace Handbook.Validator.Commands;

/// <summary>`validator register add PATH...` and `validator register revalidate`: the register of submitted records.</summary>
internal static class RegisterCommand
{
    public static Option<string> DbOption() => new("--db")
    {
        Description = "登记库：SQLite 文件路径，或 PostgreSQL 连接串（Host=…;Database=…）",
        DefaultValueFactory = _ => "register.db",
    };

    public static Option<FileInfo?> UnitsOption() => new("--units") { Description = "单位名册 CSV（单位名称,层级）；默认手册文件夹中的 units.csv" };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "记录文件（.docx）、文件夹或 .zip 压缩包", Arity = ArgumentArity.OneOrMore };
        var source = new Option<DirectoryInfo>("--source") { Description = "手册源文件夹", DefaultValueFactory = _ => new DirectoryInfo("handbook") };
        var db = DbOption();
        var units = UnitsOption();
        var jobs = new Option<int>("--jobs") { Description = "并行检查的线程数", DefaultValueFactory = _ => Environment.ProcessorCount };
        var add = new Command("add", "检查记录并存入登记库（同一文件只存一次；同一单位、表单、日期的新记录替换旧记录，旧记录留作历史）")
        {
            paths, source, db, units, jobs,
        };
        add.SetAction(r => Run(r.GetValue(source)!, r.GetValue(db)!, r.GetValue(units), r.GetValue(jobs), registrar =>
        {
            using var expander = new InputExpander();
            var sources = ValidateCommand.Expand(expander, r.GetValue(paths)!, registrar.Validator, "无法登记");
            if (sources is null) return ValidateCommand.CannotProceed;
            var totals = registrar.Registrar.AddAll(sources);
            Console.WriteLine($"登记完成：新增 {totals.Added} 份，替换 {totals.Replaced} 份，重复 {totals.Duplicates} 份（未再存），其中不合格 {totals.Invalid} 份");
            return totals.Invalid == 0 ? ValidateCommand.AllValid : ValidateCommand.SomeInvalid;
        }));
        var revalidate = new Command("revalidate", "按现行表单重新检查登记库中的全部记录（表单改版后使用）") { source, db, units, jobs };
        revalidate.SetAction(r => Run(r.GetValue(source)!, r.GetValue(db)!, r.GetValue(units), r.GetValue(jobs), registrar =>
        {
            var (count, invalid) = registrar.Registrar.Revalidate();
            Console.WriteLine($"重新检查 {count} 份记录，其中不合格 {invalid} 份");
            return invalid == 0 ? ValidateCommand.AllValid : ValidateCommand.SomeInvalid;
        }));
        return new Command("register", "记录登记库：登记各单位提交的记录，供“compliance”统计") { add, revalidate };
    }

    private sealed record Opened(RecordValidator Validator, RecordRegistrar Registrar);

    private static int Run(DirectoryInfo source, string db, FileInfo? units, int jobs, Func<Opened, int> action)
    {
        var book = ValidateCommand.LoadBook(source);
        if (book is null) return ValidateCommand.CannotProceed;
        var roster = ReadRoster(source, units);
        if (roster.Failed) return ValidateCommand.CannotProceed;
        RegisterStore store;
        try
        {
            store = RegisterStore.Open(db);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"无法打开登记库“{(RegisterStore.IsConnectionString(db) ? "PostgreSQL" : db)}”：{e.Message}");
            return ValidateCommand.CannotProceed;
        }
        using (store)
        {
            var validator = new RecordValidator(book);
            return action(new Opened(validator, new RecordRegistrar(validator, new RecordPlacer(book, roster.Roster), store, jobs)));
        }
    }

    /// <summary>The roster, or Failed (after saying why) when the named or the handbook's roster is malformed.</summary>
    public static (UnitRoster? Roster, bool Failed) ReadRoster(DirectoryInfo source, FileInfo? units)
    {
        try
        {
            return (UnitRoster.Find(source.FullName, units?.FullName), false);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"无法读取单位名册：{e.Message}");
            return (null, true);
        }
    }
}
