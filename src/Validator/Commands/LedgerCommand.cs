using System.CommandLine;
using Handbook.Model;
using Handbook.Office.Sheets;
using Handbook.Validator.Ledgers;
using Handbook.Validator.Running;

namespace Handbook.Validator.Commands;

/// <summary>`validator ledger`: collect the valid records of one form into its ledger workbook; the invalid ones on a sheet of their own.</summary>
internal static class LedgerCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "记录文件（.docx）、文件夹（含子文件夹）或 .zip 压缩包", Arity = ArgumentArity.OneOrMore };
        var source = new Option<DirectoryInfo>("--source") { Description = "手册源文件夹", DefaultValueFactory = _ => new DirectoryInfo("handbook") };
        var form = new Option<string>("--form") { Description = "表单编号，如 F03", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "生成的台账文件（.xlsx）", Required = true };
        var command = new Command("ledger", "把同一表单的合格记录汇总成台账（.xlsx），每条记录一行并注明来源文件；不合格的记录及其问题列在另一张工作表。")
        {
            paths, source, form, output,
        };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(source)!, r.GetValue(form)!, r.GetValue(output)!));
        return command;
    }

    private static int Run(string[] paths, DirectoryInfo source, string formId, FileInfo output)
    {
        var book = ValidateCommand.LoadBook(source);
        if (book is null) return ValidateCommand.CannotProceed;
        var form = book.FindForm(formId);
        if (form is null)
        {
            Console.Error.WriteLine($"无法生成台账：手册中没有表单“{formId}”。现有表单：{string.Join("、", book.Forms.Select(f => f.Id))}。");
            return ValidateCommand.CannotProceed;
        }
        if (!string.Equals(output.Extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"无法生成台账：输出文件“{output}”应以 .xlsx 结尾。");
            return ValidateCommand.CannotProceed;
        }

        var validator = new RecordValidator(book);
        using var expander = new InputExpander();
        var sources = ValidateCommand.Expand(expander, paths, validator, "无法生成台账");
        if (sources is null) return ValidateCommand.CannotProceed;

        var (records, rejected, others) = Collect(validator, form, sources);
        var temporary = output.FullName + ".tmp";
        WorkbookWriter.Write(temporary, LedgerWorkbook.Filled(book.Info, form, records, rejected));
        File.Move(temporary, output.FullName, overwrite: true);
        Console.WriteLine($"台账已写入 {output.FullName}：{records.Count} 条合格记录，{rejected.Count} 个文件未通过校验"
            + (others > 0 ? $"，{others} 个文件属于其他表单，未收入" : "") + "。");
        return rejected.Count == 0 ? ValidateCommand.AllValid : ValidateCommand.SomeInvalid;
    }

    /// <summary>
    /// The valid records of the form, the rejected ones (invalid records of the form, and files whose form could
    /// not be told, which may be of it), and how many files were of other forms.
    /// </summary>
    public static (List<LedgerRecord> Records, List<RejectedRecord> Rejected, int Others) Collect(
        RecordValidator validator, Form form, IReadOnlyList<RecordSource> sources)
    {
        var records = new List<LedgerRecord>();
        var rejected = new List<RejectedRecord>();
        var others = 0;
        foreach (var source in sources)
        {
            var (data, problem) = source.Read(validator.Limits);
            if (problem is not null)
            {
                rejected.Add(new RejectedRecord(source.Path, [problem.Message]));
                continue;
            }
            var (report, values) = validator.Read(source.Path, data);
            if (report.Form is { } found && found.Id != form.Id)
                others++;
            else if (report.Valid && values is not null)
                records.Add(LedgerRecords.From(source.Path, form, values));
            else
                rejected.Add(new RejectedRecord(source.Path, [.. report.Findings.Where(f => f.IsError).Select(f => f.Message)]));
        }
        return (records, rejected, others);
    }
}
