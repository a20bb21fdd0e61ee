using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Model;

namespace Handbook.Office.Word;

/// <summary>
/// Renders the &lt;field name="…"&gt; elements of a form layout as content controls: the field id names
/// an ordinary field, `table.row.column` a cell of a table field. Tag = that name, alias = the label,
/// placeholder = the help text; a value="…" attribute fills the control.
/// </summary>
internal sealed class FormControls(WordPackage package, Form form, string layout)
{
    public IEnumerable<OpenXmlElement> Render(IElement element)
    {
        var name = element.GetAttribute("name") ?? "";
        var controls = Resolve(name).ToList();
        // A layout may prefill a control (value="…"), as the scoring sheet does with each item and its points.
        if (element.GetAttribute("value") is { } value)
            foreach (var control in controls.OfType<SdtRun>()) FormFiller.Fill(control, name, value);
        return controls;
    }

    private IEnumerable<OpenXmlElement> Resolve(string name)
    {
        if (form.FindField(name) is { Type: not FieldType.Table } field) return Controls(field, name, field.Label);
        var parts = name.Split('.');
        if (parts.Length == 3 && form.FindField(parts[0]) is { Type: FieldType.Table } table
            && int.TryParse(parts[1], out var row) && row >= 1 && row <= table.Rows
            && table.Columns.FirstOrDefault(c => c.Id == parts[2]) is { } column)
            return Controls(column, name, $"{table.Label}第{row}行{column.Label}");
        throw new InvalidDataException(
            $"版式模板“{layout}”中的 <field name=\"{name}\"> 不是表单 {form.Id} 的字段" +
            "（应为字段 id，表格单元格为 表格id.行号.列id）。");
    }

    private IEnumerable<OpenXmlElement> Controls(Field field, string tag, string alias)
    {
        var placeholder = string.IsNullOrWhiteSpace(field.Help) ? field.Label : field.Help;
        switch (field.Type)
        {
            case FieldType.Date:
                return [ContentControls.Date(tag, alias, placeholder, package.Sheet.Language)];
            case FieldType.Choice:
                return [ContentControls.DropDown(tag, alias, placeholder, field.Options)];
            case FieldType.Checkbox:
                return [ContentControls.CheckBox(tag, alias)];
            case FieldType.Choices:
                // One checkbox per option, each followed by the option's text.
                return field.Options.SelectMany((option, i) => new OpenXmlElement[]
                {
                    ContentControls.CheckBox($"{tag}.{i + 1}", $"{alias}：{option}"),
                    new Run(new Text($" {option}　") { Space = SpaceProcessingModeValues.Preserve }),
                }).ToList();
            default:
                return [ContentControls.RichText(tag, alias, placeholder)];
        }
    }
}
