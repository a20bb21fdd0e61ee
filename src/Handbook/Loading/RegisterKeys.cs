using Handbook.Model;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>
/// The keys of a form that place its records in the register: `unit:` on the field naming the unit (true, or the
/// level of unit that fills the form in) and the form's `date:` (the field dating a record; default the first
/// required date field).
/// </summary>
internal static class RegisterKeys
{
    public static Form Read(YamlFile file, YamlMap map, IReadOnlyList<YamlNode> fieldNodes, Form form)
    {
        string? unitField = null, unitLevel = null;
        foreach (var node in fieldNodes.OfType<YamlMappingNode>())
        {
            if (!node.Children.TryGetValue(new YamlScalarNode("unit"), out var value)) continue;
            var id = node.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? (idNode as YamlScalarNode)?.Value : null;
            var text = (value as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text) || text == "false") continue;
            var field = id is null ? null : form.FindField(id);
            if (unitField is not null)
                file.Error(value, "duplicate-unit-field", $"只能有一个字段写“unit”，已由“{unitField}”写明");
            else if (field is not null && field.Type is not (FieldType.Text or FieldType.Choice))
                file.Error(value, "invalid-unit-field", $"“unit”只能写在 text 或 choice 字段上，“{id}”是 {field.Type.ToString().ToLowerInvariant()}");
            else if (field is not null)
                (unitField, unitLevel) = (field.Id, text == "true" ? null : text);
        }

        var dateField = map.String("date");
        if (dateField is not null && form.FindField(dateField) is not { Type: FieldType.Date })
        {
            file.Error(map.Get("date")!, "invalid-date-field", $"“date”应为本表单的一个日期字段，“{dateField}”不是");
            dateField = null;
        }
        dateField ??= form.Fields.FirstOrDefault(f => f.Type == FieldType.Date && f.Required)?.Id;
        return form with { UnitField = unitField, UnitLevel = unitLevel, DateField = dateField };
    }
}
