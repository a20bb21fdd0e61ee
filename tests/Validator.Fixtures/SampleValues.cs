using System.Globalization;
using Handbook.Model;
using Handbook.Records;

namespace Handbook.Validator.Fixtures;

/// <summary>
/// Values a careful unit would write into a form: every field filled, every constraint and rule held.
/// Generic by field type, with per-form settings where a form's rules tie fields together.
/// </summary>
public static class SampleValues
{
    private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴勇"];

    private static readonly Dictionary<string, string> PatternSamples = new()
    {
        [@"^20\d{2}-(0[1-9]|1[0-2])$"] = "2026-03",
        [@"^20\d{2}(-(0[1-9]|1[0-2])|年([1-9]|1[0-2])月)$"] = "2026年3月",
        [@"^20\d{2}$"] = "2026",
        [@"^LG20\d{2}-\d{2}$"] = "LG2026-01",
        [@"^JC20\d{2}-\d{3}$"] = "JC2026-001",
        [@"^1\d{10}$"] = "13800138000",
    };

    /// <summary>Keys as content-control tags (DESIGN §5): `field`, `field.n` for options of a choices field, `field.row.column`.</summary>
    public static Dictionary<string, string> Valid(Book book, Form form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var dates = new DateOnly(2025, 3, 3);
        foreach (var field in form.Fields)
        {
            if (field.Type == FieldType.Table)
            {
                var rows = Math.Min(field.Rows, Math.Max(field.MinRows + 1, 2));
                for (var row = 1; row <= rows; row++)
                    foreach (var column in field.Columns)
                        Fill(values, column, $"{field.Id}.{row}.{column.Id}", ref dates, row);
            }
            else Fill(values, field, field.Id, ref dates, 1);
        }
        if (ScoringSheet.Is(form)) Score(book, values);
        if (Overrides.TryGetValue(form.Id, out var overrides))
            foreach (var (key, value) in overrides)
            {
                if (value is null) values.Remove(key);
                else values[key] = value;
            }
        return values;
    }

    /// <summary>
    /// The scoring sheet comes with a row for every scoring item of the handbook (item and points prefilled):
    /// a careful unit gives each its self-score, here full marks, and the total and grade that follow.
    /// </summary>
    private static void Score(Book book, Dictionary<string, string> values)
    {
        foreach (var key in values.Keys.Where(k => k.StartsWith(ScoringSheet.Table + ".", StringComparison.Ordinal)).ToList()) values.Remove(key);
        var row = 0;
        foreach (var (article, item) in book.ScoringItems)
        {
            var prefix = $"{ScoringSheet.Table}.{++row}.";
            values[prefix + ScoringSheet.Item] = ScoringSheet.ItemName(article, item);
            values[prefix + ScoringSheet.Points] = Number(item.Points);
            values[prefix + ScoringSheet.SelfScore] = Number(item.Points);
        }
        var total = book.ScoringItems.Sum(s => s.Item.Points);
        values[ScoringSheet.Total] = Number(total);
        values[ScoringSheet.Grade] = book.GradeFor(total)!;
    }

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Fill(Dictionary<string, string> values, Field field, string key, ref DateOnly dates, int seed)
    {
        switch (field.Type)
        {
            case FieldType.Choices:
                var count = Math.Max(field.MinCount ?? 1, 1);
                for (var n = 1; n <= field.Options.Length; n++) values[$"{key}.{n}"] = n <= count ? "1" : "0";
                return;
            case FieldType.Date:
                // Dates ascend in field order: forms list events in the order they happen.
                dates = dates.AddDays(7);
                var date = field.MinDate is { } min && dates < min ? min : field.MaxDate is { } max && dates > max ? max : dates;
                values[key] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return;
        }
        values[key] = field.Type switch
        {
            FieldType.Integer or FieldType.Number => Clamp(4, field.Min, field.Max).ToString(CultureInfo.InvariantCulture),
            FieldType.Choice => field.Options[0],
            FieldType.Checkbox => "1",
            FieldType.Person => Names[(seed + field.Id.Length) % Names.Length],
            FieldType.People => string.Join("、", Names.Take((int)Clamp(4, field.MinCount, field.MaxCount))),
            FieldType.Textarea => Text($"{field.Label}：按照要求认真组织落实，党员积极参与，效果良好。", field),
            _ => field.Pattern is { } p && PatternSamples.TryGetValue(p, out var sample) ? sample : Text($"{field.Label}{seed}", field),
        };
    }

    /// <summary>
    /// The valid record's values, each made huge in its own kind (a hostile or broken tool's output): texts and names of
    /// <paramref name="length"/> varied characters, numbers of as many digits (a date control holds only dates). Within the part cap
    /// and compressing as text does (not a bomb): every value must be read and checked.
    /// </summary>
    public static Dictionary<string, string> Huge(Book book, Form form, int length = 20_000)
    {
        var random = new Random(length);
        string Characters() => string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)r.Next(0x4E00, 0x4E00 + 3000);
        });
        var huge = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Valid(book, form))
        {
            ControlKey.TryParse(key, out var parsed);
            var field = form.FindField(parsed.Field.ToString());
            if (parsed.Shape == ControlKeyShape.Cell)
            {
                var column = parsed.Column.ToString();
                field = field?.Columns.FirstOrDefault(c => c.Id == column);
            }
            huge[key] = field?.Type switch
            {
                FieldType.Integer or FieldType.Number => "9" + new string('0', length - 1),
                FieldType.Text or FieldType.Textarea or FieldType.Person or FieldType.People => Characters(),
                FieldType.Date or FieldType.Choice or FieldType.Choices or FieldType.Checkbox or FieldType.Table or null => value,
            };
        }
        return huge;
    }

    private static decimal Clamp(decimal value, decimal? min, decimal? max) =>
        Math.Min(Math.Max(value, min ?? value), max ?? value);

    private static string Text(string text, Field field)
    {
        while (text.Length < (field.MinLength ?? 0)) text += "会议围绕主题深入交流，明确了下一步工作措施和责任分工。";
        return field.MaxLength is { } max && text.Length > max ? text[..max] : text;
    }

    /// <summary>Values the generic choice cannot get right for a form's rules; null removes a value.</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> Overrides = new()
    {
        ["F01"] = new() { ["absent"] = "0" },
        ["F07"] = new() { ["member_total"] = "2", ["excellent_count"] = "2", ["qualified_count"] = "0", ["basic_count"] = "0", ["unqualified_count"] = "0" },
        ["F08"] = new() { ["talkee"] = "孙丽" },
        // A year as 入党积极分子 and a year of 预备期 (the generic dates are a week apart).
        ["F10"] = new() { ["training_hours"] = "32", ["candidate_date"] = "2026-04-07", ["probation_date"] = "2026-05-07", ["approval_date"] = "2026-06-01", ["full_date"] = "2027-05-10" },
        ["F12"] = new() { ["in_count"] = "1", ["out_count"] = "1" },
        ["F15"] = new() { ["total"] = "48", ["grade"] = "不合格" },
        ["F20"] = new() { ["full_count"] = "1", ["probationary_count"] = "1" },
        ["F17"] = new() { ["seats"] = "3", ["candidates"] = "4" },
    };
}
