using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Handbook.Model;
using Field = Handbook.Model.Field;

namespace Handbook.Office.Sheets;

/// <summary>
/// What a ledger column looks like for one form field: its width, the style its cells take, and the data
/// validation (with the field's help as the input prompt) that matches the field's type and constraints.
/// </summary>
internal static class LedgerColumn
{
    /// <summary>Excel's limits on the prompt title and text of a data validation.</summary>
    private const int MaxPromptTitle = 32, MaxPrompt = 255;

    public static string HeaderLabel(Field field) => field.Required ? field.Label + " *" : field.Label;

    /// <summary>The options a drop-down list offers for the field; empty when it has none.</summary>
    public static IReadOnlyList<string> ListOptions(Field field) => field.Type switch
    {
        FieldType.Choice => field.Options,
        FieldType.Checkbox => ["是", "否"],
        FieldType.Text or FieldType.Textarea or FieldType.Date or FieldType.Integer or FieldType.Number or FieldType.Choices
            or FieldType.Person or FieldType.People or FieldType.Table => [],
    };

    public static double Width(Field field)
    {
        var content = field.Type switch
        {
            FieldType.Date => 12,
            FieldType.Integer or FieldType.Number => 8,
            FieldType.Checkbox => 6,
            FieldType.Choice => field.Options.Max(TextWidth.Of) + 4,
            FieldType.Choices => 20,
            FieldType.Person => 10,
            FieldType.People => 16,
            FieldType.Textarea => 30,
            FieldType.Text or FieldType.Table => Math.Min(field.MaxLength ?? 10, 10) * 2,
        };
        return Math.Max(TextWidth.Column(HeaderLabel(field)), content);
    }

    public static CellStyle ColumnStyle(Field field) => field.Type switch
    {
        FieldType.Date => CellStyle.Date,
        FieldType.Textarea or FieldType.Choices or FieldType.People => CellStyle.Wrapped,
        FieldType.Text or FieldType.Integer or FieldType.Number or FieldType.Choice or FieldType.Checkbox or FieldType.Person
            or FieldType.Table => CellStyle.Default,
    };

    /// <param name="listSource">Where the field's drop-down options are, as a formula (for choice and checkbox fields).</param>
    public static InputRule Rule(Field field, string range, string? listSource)
    {
        var (type, op, formula1, formula2, error) = field.Type switch
        {
            FieldType.Choice or FieldType.Checkbox =>
                (DataValidationValues.List, (DataValidationOperatorValues?)null, listSource, null, "请从下拉列表中选择"),
            FieldType.Integer => Bounds(DataValidationValues.Whole, field.Min, field.Max, "整数"),
            FieldType.Number => Bounds(DataValidationValues.Decimal, field.Min, field.Max, "数字"),
            FieldType.Date => Dates(field),
            FieldType.Text or FieldType.Textarea or FieldType.Person when field.MinLength is not null || field.MaxLength is not null =>
                Lengths(field.MinLength, field.MaxLength),
            FieldType.Text or FieldType.Textarea or FieldType.Person or FieldType.Choices or FieldType.People or FieldType.Table =>
                (DataValidationValues.None, null, null, null, ""),
        };
        return new InputRule(range, type, op, formula1, formula2, Clip(field.Label, MaxPromptTitle), Clip(Prompt(field), MaxPrompt),
            $"“{field.Label}”{error}");
    }

    private static string Prompt(Field field)
    {
        var prompt = field.Help ?? field.Label;
        if (field.Type == FieldType.Choices) prompt += $"（可多选：{string.Join("、", field.Options)}；用顿号分隔）";
        if (field.Required) prompt += "（必填）";
        return prompt;
    }

    private static (DataValidationValues, DataValidationOperatorValues?, string?, string?, string) Bounds(
        DataValidationValues type, decimal? min, decimal? max, string noun) => (min, max) switch
    {
        ({ } lo, { } hi) => (type, DataValidationOperatorValues.Between, Number(lo), Number(hi), $"应为 {Number(lo)} 到 {Number(hi)} 之间的{noun}"),
        ({ } lo, null) => (type, DataValidationOperatorValues.GreaterThanOrEqual, Number(lo), null, $"应为不小于 {Number(lo)} 的{noun}"),
        (null, { } hi) => (type, DataValidationOperatorValues.LessThanOrEqual, Number(hi), null, $"应为不大于 {Number(hi)} 的{noun}"),
        _ => (type, DataValidationOperatorValues.Between, "-1000000000", "1000000000", $"应为{noun}"),
    };

    private static (DataValidationValues, DataValidationOperatorValues?, string?, string?, string) Dates(Field field)
    {
        var min = field.MinDate ?? new DateOnly(1900, 3, 1);
        var max = field.MaxDate ?? new DateOnly(9999, 12, 31);
        var range = field.MinDate is null && field.MaxDate is null ? "" : $"，在 {min:yyyy-MM-dd} 到 {max:yyyy-MM-dd} 之间";
        return (DataValidationValues.Date, DataValidationOperatorValues.Between, Serial(min), Serial(max),
            $"应为日期（如 2026-03-05）{range}");
    }

    private static (DataValidationValues, DataValidationOperatorValues?, string?, string?, string) Lengths(int? min, int? max) => (min, max) switch
    {
        ({ } lo, { } hi) => (DataValidationValues.TextLength, DataValidationOperatorValues.Between, Number(lo), Number(hi), $"应为 {lo} 到 {hi} 个字"),
        ({ } lo, null) => (DataValidationValues.TextLength, DataValidationOperatorValues.GreaterThanOrEqual, Number(lo), null, $"至少 {lo} 个字"),
        (null, { } hi) => (DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, Number(hi), null, $"最多 {hi} 个字"),
        _ => throw new ArgumentException("no length bound"),
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Serial(DateOnly date) => ExcelDate.Serial(date).ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
