using System.Globalization;
using Handbook.Model;
using Handbook.Records;
using Handbook.Rules;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Checking;

/// <summary>
/// Checks a record's values against its form: required fields, types, constraints, table rows and the
/// form's rules. Knows nothing of Word, so that records read from anywhere (a .docx, a ledger row, a
/// web form) are checked the same way.
/// </summary>
public sealed class ValueChecker(DateOnly today, FieldPatterns patterns)
{
    public List<Finding> Check(Form form, RecordValues values)
    {
        var findings = new List<Finding>();
        foreach (var field in form.Fields)
        {
            if (field.Type == FieldType.Table) CheckTable(field, values, findings);
            else CheckField(field, field.Id, new Place(null, 0, field), values, findings);
        }
        CheckRules(form, values, findings);
        return findings;
    }

    private void CheckTable(Field table, RecordValues values, List<Finding> findings)
    {
        var rows = values.FilledRows(table.Id);
        if (rows.Count == 0 && table.Required)
        {
            findings.Add(Finding.Error(Codes.RequiredMissing, $"必填项“{table.Label}”未填写", table.Id, table.Label));
            return;
        }
        if (rows.Count < table.MinRows)
            findings.Add(Finding.Error(Codes.TooFewRows,
                $"“{table.Label}”至少应填写 {table.MinRows} 行，现有 {rows.Count} 行", table.Id, table.Label));
        foreach (var row in rows)
        {
            foreach (var column in table.Columns)
                CheckField(column, ControlKey.Cell(table.Id, row, column.Id), new Place(table, row, column), values, findings);
        }
    }

    private void CheckField(Field field, string key, Place place, RecordValues values, List<Finding> findings)
    {
        void Error(string code, string message) => findings.Add(Finding.Error(code, message, key, place.Label));

        if (field.Type == FieldType.Choices)
        {
            CheckChoices(field, key, place, values, Error);
            return;
        }
        var text = values.Get(key);
        if (text is null)
        {
            if (field.Required) Error(Codes.RequiredMissing, $"必填项{place}未填写");
            return;
        }
        Action check = field.Type switch
        {
            FieldType.Text or FieldType.Textarea or FieldType.Person => () => CheckText(field, text, place, Error),
            FieldType.Integer or FieldType.Number => () => CheckNumber(field, text, place, Error),
            FieldType.Date => () => CheckDate(field, text, place, Error),
            FieldType.Choice => () =>
            {
                if (!field.Options.Contains(text))
                    Error(Codes.OptionInvalid, $"{place}应为以下选项之一：{string.Join("、", field.Options)}；现为“{Finding.Excerpt(text)}”");
            },
            FieldType.Checkbox => () =>
            {
                if (!ValueParser.TryCheckbox(text, out var on))
                    Error(Codes.TypeInvalid, $"{place}应勾选或不勾选，现为“{Finding.Excerpt(text)}”");
                else if (field.Required && !on)
                    Error(Codes.RequiredMissing, $"必选项{place}未勾选");
            },
            FieldType.People => () => CheckCount(field, ValueParser.Names(text).Count, place, "人", Error),
            // Checked above (choices) and by CheckTable (a table's cells are checked as their columns).
            FieldType.Choices or FieldType.Table => () => { },
        };
        check();
    }

    private static void CheckNumber(Field field, string text, Place place, Action<string, string> error)
    {
        var integer = field.Type == FieldType.Integer;
        if (!ValueParser.TryNumber(text, integer, out var n))
            error(Codes.TypeInvalid, $"{place}应填写{(integer ? "整数" : "数字")}，现为“{Finding.Excerpt(text)}”");
        else if (n < field.Min || n > field.Max)
            error(Codes.OutOfRange, $"{place}{Bounds(Number(field.Min), Number(field.Max))}，现为 {Number(n)}");
    }

    private static void CheckDate(Field field, string text, Place place, Action<string, string> error)
    {
        if (!ValueParser.TryDate(text, out var d))
            error(Codes.TypeInvalid, $"{place}应填写日期（如 2026年3月5日 或 2026-03-05），现为“{Finding.Excerpt(text)}”");
        else if (d < field.MinDate || d > field.MaxDate)
            error(Codes.OutOfRange, $"{place}{Bounds(Chinese(field.MinDate), Chinese(field.MaxDate))}，现为 {Chinese(d)}");
    }

    private void CheckText(Field field, string text, Place place, Action<string, string> error)
    {
        if (field.MinLength is not null || field.MaxLength is not null)
        {
            var length = new StringInfo(text).LengthInTextElements;
            if (length < field.MinLength)
                error(Codes.TooShort, $"{place}至少应写 {field.MinLength} 个字，现有 {length} 个字");
            else if (length > field.MaxLength)
                error(Codes.TooLong, $"{place}最多 {field.MaxLength} 个字，现有 {length} 个字");
        }
        if (field.Pattern is { } pattern && !patterns.Matches(pattern, text))
            error(Codes.PatternMismatch, $"{place}的格式不正确{(field.Help is null ? "" : $"（{field.Help}）")}，现为“{Finding.Excerpt(text)}”");
    }

    private static void CheckChoices(Field field, string key, Place place, RecordValues values, Action<string, string> error)
    {
        var selected = FieldValues.SelectedOptions(field, key, values);
        if (selected.Count == 0)
        {
            if (field.Required) error(Codes.RequiredMissing, $"必选项{place}未勾选");
            return;
        }
        var unknown = selected.Where(s => !field.Options.Contains(s)).ToList();
        if (unknown.Count > 0)
            error(Codes.OptionInvalid, $"{place}中的“{string.Join("、", unknown)}”不是可选项；可选：{string.Join("、", field.Options)}");
        CheckCount(field, selected.Count, place, "项", error);
    }

    private static void CheckCount(Field field, int count, Place place, string unit, Action<string, string> error)
    {
        if (count < field.MinCount)
            error(Codes.CountOutOfRange, $"{place}至少应有 {field.MinCount} {unit}，现有 {count} {unit}");
        else if (count > field.MaxCount)
            error(Codes.CountOutOfRange, $"{place}最多 {field.MaxCount} {unit}，现有 {count} {unit}");
    }

    private void CheckRules(Form form, RecordValues values, List<Finding> findings)
    {
        var context = new RecordRuleContext(form, values, today);
        foreach (var rule in form.Rules)
        {
            switch (rule)
            {
                case CheckRule check:
                    if (RuleEvaluator.Evaluate(check.Check, context) is { Kind: ValueKind.Bool, Bool: false })
                    {
                        var first = form.FindField(check.Check.FieldRefs().FirstOrDefault()?.Name ?? "");
                        findings.Add(Finding.Error(Codes.RuleFailed, check.Message ?? check.Source, first?.Id, first?.Label));
                    }
                    break;
                case RequireRule require:
                    if (RuleEvaluator.Evaluate(require.When, context) is not { Kind: ValueKind.Bool, Bool: true }) break;
                    foreach (var id in require.Require)
                    {
                        if (form.FindField(id) is not { } field || IsFilled(field, values)) continue;
                        findings.Add(Finding.Error(Codes.RuleFailed,
                            require.Message ?? $"当“{require.Source}”时须填写“{field.Label}”", field.Id, field.Label));
                    }
                    break;
            }
        }
    }

    private static bool IsFilled(Field field, RecordValues values) => field.Type switch
    {
        FieldType.Table => values.FilledRows(field.Id).Count > 0,
        FieldType.Choices => FieldValues.SelectedOptions(field, field.Id, values).Count > 0,
        FieldType.Text or FieldType.Textarea or FieldType.Date or FieldType.Integer or FieldType.Number or FieldType.Choice
            or FieldType.Checkbox or FieldType.Person or FieldType.People => values.Contains(field.Id),
    };

    /// <summary>
    /// Where a value sits, as messages name it: “主持人”, or “党员发言”第 2 行“发言人” for a table cell. Built only
    /// when a finding needs it: most values are fine.
    /// </summary>
    private readonly record struct Place(Field? Table, int Row, Field Field)
    {
        /// <summary>As the control's alias says it, so that a finding names what the user sees on the control.</summary>
        public string Label => Table is null ? Field.Label : ControlAlias.Cell(Table.Label, Row, Field.Label);

        public override string ToString() => Table is null ? $"“{Field.Label}”" : $"“{Table.Label}”第 {Row} 行“{Field.Label}”";
    }

    private static string Bounds(string? min, string? max) => (min, max) switch
    {
        (not null, not null) => $"应在 {min} 至 {max} 之间",
        (not null, null) => $"不应小于 {min}",
        _ => $"不应大于 {max}",
    };

    private static string? Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Chinese(DateOnly? d) => d is { } x ? $"{x.Year}年{x.Month}月{x.Day}日" : null;
}
