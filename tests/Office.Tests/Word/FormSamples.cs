using Handbook.Model;

namespace Handbook.Tests.Word;

/// <summary>The controls a form document must have, in order, and sample values to fill them with.</summary>
internal static class FormSamples
{
    public enum Kind { RichText, Date, DropDown, CheckBox }

    public sealed record Control(string Tag, string Alias, Kind Kind, string Value);

    /// <summary>Every control of the default layout in document order, each with a sample value.</summary>
    public static List<Control> Controls(Form form)
    {
        var controls = new List<Control>();
        foreach (var field in form.Fields)
        {
            if (field.Type == FieldType.Table)
            {
                for (var row = 1; row <= field.Rows; row++)
                    foreach (var column in field.Columns)
                        controls.AddRange(For(column, $"{field.Id}.{row}.{column.Id}", $"{field.Label}第{row}行{column.Label}", row));
            }
            else controls.AddRange(For(field, field.Id, field.Label, controls.Count));
        }
        return controls;
    }

    private static IEnumerable<Control> For(Field field, string tag, string alias, int n) => field.Type switch
    {
        FieldType.Date => [new(tag, alias, Kind.Date, $"2026-03-{n % 28 + 1:00}")],
        FieldType.Choice => [new(tag, alias, Kind.DropDown, field.Options[n % field.Options.Length])],
        FieldType.Checkbox => [new(tag, alias, Kind.CheckBox, "true")],
        FieldType.Choices => field.Options.Select((o, i) =>
            new Control($"{tag}.{i + 1}", $"{alias}：{o}", Kind.CheckBox, i % 2 == 0 ? "true" : "false")),
        FieldType.Integer => [new(tag, alias, Kind.RichText, $"{n + 3}")],
        FieldType.Number => [new(tag, alias, Kind.RichText, $"{n + 1}.5")],
        FieldType.Person => [new(tag, alias, Kind.RichText, $"张{n}")],
        FieldType.People => [new(tag, alias, Kind.RichText, "王丽、赵明")],
        FieldType.Textarea => [new(tag, alias, Kind.RichText, $"第{n}项内容第一行\n第二行")],
        _ => [new(tag, alias, Kind.RichText, $"填写内容{n}")],
    };
}
