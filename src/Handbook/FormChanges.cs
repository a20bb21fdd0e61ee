using Handbook.Model;

namespace Handbook;

/// <summary>
/// What changed in a form's fields between two revisions: fields added or removed, and a field's type,
/// required flag, options or table columns. A record made from the old form would not fit the new one,
/// so any such change needs a new version.
/// </summary>
public static class FormChanges
{
    public static IReadOnlyList<string> Between(Form before, Form after) => Compare(before.Fields, after.Fields, "");

    private static List<string> Compare(IReadOnlyList<Field> before, IReadOnlyList<Field> after, string prefix)
    {
        var changes = new List<string>();
        foreach (var field in before.Where(b => after.All(a => a.Id != b.Id)))
            changes.Add($"删除了字段“{prefix}{field.Id}”（{field.Label}）");
        foreach (var field in after.Where(a => before.All(b => b.Id != a.Id)))
            changes.Add($"新增了字段“{prefix}{field.Id}”（{field.Label}）");
        foreach (var now in after)
        {
            var old = before.FirstOrDefault(b => b.Id == now.Id);
            if (old is null) continue;
            var name = $"“{prefix}{now.Id}”";
            if (old.Type != now.Type)
                changes.Add($"字段{name}的类型由 {FieldKind.Of(old.Type).Name} 改为 {FieldKind.Of(now.Type).Name}");
            if (old.Required != now.Required)
                changes.Add($"字段{name}{(now.Required ? "改为必填" : "改为选填")}");
            if (!old.Options.SequenceEqual(now.Options))
                changes.Add($"字段{name}的选项由“{string.Join("、", old.Options)}”改为“{string.Join("、", now.Options)}”");
            changes.AddRange(Compare(old.Columns, now.Columns, $"{prefix}{now.Id}."));
        }
        return changes;
    }
}
