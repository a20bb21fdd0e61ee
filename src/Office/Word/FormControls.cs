using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Model;
using Handbook.Records;

namespace Handbook.Office.Word;

/// <summary>
/// Renders the &lt;field name="…"&gt; elements of a form layout as content controls: the name is a
/// <see cref="ControlKey"/> (a field id, or `table.row.column` for a cell of a table field). Tag = that key,
/// alias = <see cref="ControlAlias"/>, placeholder = <see cref="Placeholder"/>; a value="…" attribute fills the control.
/// For the print-ready blank (<paramref name="forHand"/>) each field is what a pen needs instead: nothing in a
/// text cell, ☐ before each option, 年 月 日 with room for a date.
/// </summary>
internal sealed class FormControls(WordPackage package, Form form, string layout, bool forHand)
{
    public IEnumerable<OpenXmlElement> Render(IElement element)
    {
        var name = element.GetAttribute("name") ?? "";
        if (forHand)
        {
            var (field, _) = Resolve(name);
            var text = element.GetAttribute("value") ?? TextForHand(field, InTable(name));
            return text.Length == 0 ? [] : [TextRun(text)];
        }
        var controls = Resolve(name).Controls.ToList();
        // A layout may prefill a control (value="…"), as the scoring sheet does with each item and its points.
        if (element.GetAttribute("value") is { } value)
            foreach (var control in controls.OfType<SdtRun>()) FormFiller.Fill(control, name, value);
        return controls;
    }

    private (Field Field, IEnumerable<OpenXmlElement> Controls) Resolve(string name)
    {
        if (ControlKey.TryParse(name, out var key))
        {
            if (key.Shape == ControlKeyShape.Field && form.FindField(name) is { Type: not FieldType.Table } field)
                return (field, Controls(field, key, field.Label));
            if (key.Shape == ControlKeyShape.Cell && form.FindField(key.Field.ToString()) is { Type: FieldType.Table } table
                && key.Number <= table.Rows && table.Columns.FirstOrDefault(c => key.Column.SequenceEqual(c.Id)) is { } column)
                return (column, Controls(column, key, ControlAlias.Cell(table.Label, key.Number, column.Label)));
        }
        throw new InvalidDataException(
            $"版式模板“{layout}”中的 <field name=\"{name}\"> 不是表单 {form.Id} 的字段" +
            "（应为字段 id，表格单元格为 表格id.行号.列id）。");
    }

    private IEnumerable<OpenXmlElement> Controls(Field field, ControlKey key, string alias)
    {
        var tag = key.ToString();
        var placeholder = Placeholder.For(field, key.Row);
        return field.Type switch
        {
            FieldType.Date => [ContentControls.Date(tag, alias, placeholder, package.Sheet.Language)],
            FieldType.Choice => [ContentControls.DropDown(tag, alias, placeholder, field.Options)],
            FieldType.Checkbox => [ContentControls.CheckBox(tag, alias)],
            // One checkbox per option, each followed by the option's text.
            FieldType.Choices => field.Options.SelectMany((option, i) => new OpenXmlElement[]
            {
                ContentControls.CheckBox(ControlKey.Option(tag, i + 1), ControlAlias.Option(alias, option)),
                new Run(new Text($" {option}　") { Space = SpaceProcessingModeValues.Preserve }),
            }).ToList(),
            FieldType.Text or FieldType.Textarea or FieldType.Integer or FieldType.Number or FieldType.Person or FieldType.People
                or FieldType.Table => [ContentControls.RichText(tag, alias, placeholder)],
        };
    }

    /// <summary>
    /// What a field prints for handwriting: the cell's borders are the ruling, so text fields print nothing; in a
    /// table a choice column's cells are writing space too (its options print once, above the table: see
    /// <see cref="FormLayout"/>), since boxes for every option do not fit a narrow column without breaking words.
    /// </summary>
    public static string TextForHand(Field field, bool inTable) => field.Type switch
    {
        FieldType.Date => DateForHand,
        FieldType.Choice or FieldType.Choices when inTable => "",
        // A no-break space keeps each box with its option when the options wrap.
        FieldType.Choice or FieldType.Choices => string.Join("　", field.Options.Select(o => $"☐\u00A0{o}")),
        FieldType.Checkbox => "☐",
        FieldType.Text or FieldType.Textarea or FieldType.Integer or FieldType.Number or FieldType.Person or FieldType.People
            or FieldType.Table => "",
    };

    /// <summary>What an empty control of the fillable form shows: its prompt, or its boxes and options.</summary>
    public static string TextToFill(Field field, int row) => field.Type switch
    {
        FieldType.Choices => string.Concat(field.Options.Select(o => $"☐ {o}　")),
        FieldType.Checkbox => "☐",
        _ => Placeholder.For(field, row),
    };

    private static bool InTable(string name) => ControlKey.TryParse(name, out var key) && key.Shape == ControlKeyShape.Cell;

    /// <summary>Room for a handwritten date.</summary>
    public const string DateForHand = "　　年　月　日";

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
