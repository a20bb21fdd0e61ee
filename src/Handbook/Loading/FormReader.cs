using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Handbook.Model;
using Handbook.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>Reads form definitions (forms/*.yml): fields with their constraints, and rules.</summary>
public sealed partial class FormReader(string root, List<Diagnostic> diagnostics)
{
    private static readonly string[] Keys = ["id", "title", "version", "article", "period", "layout", "date", "fields", "rules"];
    private static readonly string[] CommonFieldKeys = ["id", "label", "type", "required", "help", "unit"];

    private static readonly Dictionary<string, FieldKind> Types = FieldKind.All.ToDictionary(k => k.Name);

    private static readonly string[] AllFieldKeys =
        [.. CommonFieldKeys, .. Types.Values.SelectMany(t => t.ConstraintKeys).Distinct()];

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FieldId();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex LayoutName();

    /// <summary>Each form's article id with the node that named it, for the cross-reference check.</summary>
    internal List<(string FormId, string ArticleId, YamlFile File, YamlNode Node)> ArticleReferences { get; } = [];

    /// <summary>Ids (from file names, or the id key when it was read) of forms that did not load.</summary>
    internal HashSet<string> FailedIds { get; } = [];

    internal ImmutableArray<Form> ReadAll()
    {
        var directory = System.IO.Path.Combine(root, BookLoader.FormsFolder);
        if (!Directory.Exists(directory)) return [];
        var forms = new List<Form>();
        var seen = new Dictionary<string, string>();
        var titles = new Dictionary<string, string>();
        foreach (var fullPath in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var path = System.IO.Path.GetRelativePath(root, fullPath).Replace('\\', '/');
            var (text, problem) = SourceText.Read(fullPath);
            if (text is null)
            {
                new YamlFile(path, diagnostics).Report(problem!);
                FailedIds.Add(System.IO.Path.GetFileNameWithoutExtension(path));
                continue;
            }
            var (form, file, map) = ReadSource(path, text, diagnostics);
            if (form is null)
            {
                FailedIds.Add(System.IO.Path.GetFileNameWithoutExtension(path));
                if (map?.String("id") is { } id) FailedIds.Add(id);
                continue;
            }
            if (seen.TryGetValue(form.Id, out var first))
            {
                file.Error(map!.Get("id")!, "duplicate-id", $"表单编号“{form.Id}”与 {first} 重复");
                continue;
            }
            // A record without its properties is identified by its title, so a title must name one form.
            if (titles.TryGetValue(Form.TitleKey(form.Title), out var same))
                file.Error(map!.Get("title")!, "duplicate-title", $"表单名称“{form.Title}”与 {same} 重复：表单名称须各不相同");
            else titles[Form.TitleKey(form.Title)] = path;
            ArticleReferences.Add((form.Id, form.Article, file, map!.Get("article")!));
            seen[form.Id] = path;
            forms.Add(form);
        }
        return [.. forms];
    }

    /// <summary>Reads one form definition from its text; also used for a form's version at a git revision.</summary>
    public static Form? Read(string path, string text, List<Diagnostic> diagnostics) =>
        ReadSource(path, text, diagnostics).Form;

    private static (Form? Form, YamlFile File, YamlMap? Map) ReadSource(string path, string text, List<Diagnostic> diagnostics)
    {
        var file = new YamlFile(path, diagnostics);
        var map = file.Map(file.Parse(text), "表单定义", Keys);
        if (map is null) return (null, file, null);
        var id = map.String("id", required: true);
        var title = map.String("title", required: true);
        var version = map.String("version", required: true);
        var article = map.String("article", required: true);
        var periodText = map.String("period", required: true);
        var layout = map.String("layout");
        RecordPeriod? period = null;
        if (periodText is not null)
        {
            if (Spelling<RecordPeriod>.TryParse(periodText, out var p)) period = p;
            else file.Error(map.Get("period")!, "invalid-value",
                $"“period”的值“{periodText}”无效，应为 {Spelling<RecordPeriod>.Choices} 之一");
        }
        // A layout is named (templates/forms/<name>.sbn-html); whether it exists is for `check`, which sees the templates.
        if (layout is not null && !LayoutName().IsMatch(layout))
            file.Error(map.Get("layout")!, "invalid-value", $"“layout”的值“{layout}”无效，应为版式名称（如 scoring），不带扩展名");
        if (id is not null && !ArticleReader.IsId(id))
            file.Error(map.Get("id")!, "invalid-id", $"表单编号“{id}”只能由字母、数字和“-”组成");

        var fieldNodes = map.Sequence("fields", required: true);
        var fields = ReadFields(file, fieldNodes, "字段", allowTable: true);
        var declared = fieldNodes.OfType<YamlMappingNode>()
            .Select(n => n.Children.TryGetValue(new YamlScalarNode("id"), out var v) ? (v as YamlScalarNode)?.Value : null)
            .OfType<string>().ToHashSet();
        var form = RegisterKeys.Read(file, map, fieldNodes, new Form(id ?? "", title ?? "", version ?? "", article ?? "",
            period ?? RecordPeriod.Event, layout, fields, [], path));
        var rules = map.Sequence("rules").Select(n => ReadRule(file, n, form, declared)).OfType<Rule>();
        form = form with { Rules = [.. rules] };
        var complete = id is not null && title is not null && version is not null && article is not null && period is not null;
        return (complete ? form : null, file, map);
    }

    private static ImmutableArray<Field> ReadFields(YamlFile file, IReadOnlyList<YamlNode> nodes, string what, bool allowTable)
    {
        var fields = new List<Field>();
        foreach (var node in nodes)
        {
            var field = ReadField(file, node, what, allowTable);
            if (field is null) continue;
            if (fields.Any(f => f.Id == field.Id))
            {
                var map = (YamlMappingNode)node;
                file.Error(map.Children[new YamlScalarNode("id")], "duplicate-id", $"{what}编号“{field.Id}”重复");
                continue;
            }
            fields.Add(field);
        }
        return [.. fields];
    }

    private static Field? ReadField(YamlFile file, YamlNode node, string what, bool allowTable)
    {
        // Unknown keys are judged once the type is known, so that a constraint of another type is named as such.
        var map = file.Map(node, what, AllFieldKeys);
        if (map is null) return null;
        var id = map.String("id", required: true);
        var label = map.String("label", required: true);
        var typeText = map.String("type", required: true);
        if (id is not null && !FieldId().IsMatch(id))
            file.Error(map.Get("id")!, "invalid-id", $"字段编号“{id}”应由小写字母、数字和下划线组成，并以字母开头（如 meeting_date）");
        if (typeText is null) return null;
        if (!Types.TryGetValue(typeText, out var type) || (type.Type == FieldType.Table && !allowTable))
        {
            file.Error(map.Get("type")!, "unknown-field-type", type?.Type == FieldType.Table
                ? "表格的列不能再是表格"
                : $"未知的字段类型“{typeText}”，可用的类型：{string.Join("、", Types.Keys)}");
            return null;
        }
        foreach (var key in map.Node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is { } k && !CommonFieldKeys.Contains(k) && !type.ConstraintKeys.Contains(k) && AllFieldKeys.Contains(k))
                file.Error(key, "unknown-key", $"字段类型 {typeText} 不支持“{k}”，可用的约束：{(type.ConstraintKeys.Length == 0 ? "无" : string.Join("、", type.ConstraintKeys))}");
        }

        var isDate = type.Type == FieldType.Date;
        var options = map.Strings("options");
        if (type.Type is FieldType.Choice or FieldType.Choices && options.Count == 0)
            file.Error(map.Node, "missing-options", $"{typeText} 类型的字段“{id}”缺少选项（options）");
        foreach (var group in options.GroupBy(o => o.Value).Where(g => g.Count() > 1))
            file.Error(group.Skip(1).First().Node, "duplicate-option", $"选项“{group.Key}”重复");

        var pattern = map.String("pattern");
        if (pattern is not null && !IsRegex(pattern))
            file.Error(map.Get("pattern")!, "invalid-pattern", $"“pattern”不是有效的正则表达式：{pattern}");

        var columns = ImmutableArray<Field>.Empty;
        if (type.Type == FieldType.Table)
        {
            var columnNodes = map.Sequence("columns");
            if (columnNodes.Count == 0)
                file.Error(map.Node, "missing-columns", $"表格字段“{id}”缺少列（columns）");
            columns = ReadFields(file, columnNodes, "表格列", allowTable: false);
        }

        var minRows = map.Int("min_rows", min: 0) ?? 0;
        var rows = map.Int("rows", min: 1) ?? Math.Max(5, minRows);
        if (rows < minRows)
            file.Error(map.Get("rows")!, "invalid-value", $"打印行数 rows（{rows}）不能少于最少行数 min_rows（{minRows}）");

        if (id is null || label is null) return null;
        return new Field(id, label, type.Type, map.Bool("required"), map.String("help"),
            isDate ? null : map.Decimal("min"), isDate ? null : map.Decimal("max"),
            isDate ? map.Date("min") : null, isDate ? map.Date("max") : null,
            map.Int("min_length", min: 0), map.Int("max_length", min: 1), pattern,
            [.. options.Select(o => o.Value)], map.Int("min_count", min: 0), map.Int("max_count", min: 1),
            columns, minRows, rows);
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <param name="declared">Every field id written in the form, including fields that failed to load.</param>
    private static Rule? ReadRule(YamlFile file, YamlNode node, Form form, HashSet<string> declared)
    {
        var map = file.Map(node, "规则", ["check", "when", "require", "message"]);
        if (map is null) return null;
        var message = map.String("message");
        if (map.Has("check"))
        {
            if (map.Has("when") || map.Has("require"))
                file.Error(map.Node, "invalid-rule", "一条规则只能是“check”或“when + require”其中一种");
            var check = ParseExpression(file, map, "check", form, declared);
            if (message is null) map.Missing("message");
            return check is null || message is null ? null : new CheckRule(Source(map, "check"), message, check);
        }
        if (map.Has("when"))
        {
            var when = ParseExpression(file, map, "when", form, declared);
            var require = map.Strings("require", required: true);
            foreach (var (field, fieldNode) in require.Where(r => !declared.Contains(r.Value)))
                file.Error(fieldNode, "rule-unknown-field", $"规则要求填写的字段“{field}”在表单中不存在");
            return when is null || require.Count == 0
                ? null
                : new RequireRule(Source(map, "when"), message, when, [.. require.Select(r => r.Value)]);
        }
        file.Error(map.Node, "invalid-rule", "规则应写“check: 条件”加“message”，或“when: 条件”加“require: [字段]”");
        return null;
    }

    private static string Source(YamlMap map, string key) => ((YamlScalarNode)map.Get(key)!).Value!;

    private static Expression? ParseExpression(YamlFile file, YamlMap map, string key, Form form, HashSet<string> declared)
    {
        var text = map.String(key, required: true);
        if (text is null) return null;
        var node = (YamlScalarNode)map.Get(key)!;
        // Point into the YAML line: the scalar's own column, past an opening quote.
        var start = (int)node.Start.Column + (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0);
        var line = file.LineOf(node);
        try
        {
            var expression = ExpressionParser.Parse(node.Value!);
            var unknown = expression.FieldRefs().FirstOrDefault(f => !declared.Contains(f.Name));
            if (unknown is not null)
            {
                file.Error(line, start + unknown.Column - 1, "rule-unknown-field", $"规则中的字段“{unknown.Name}”在表单中不存在");
                return null;
            }
            // A field that is declared but failed to load has its own error; the rule is not checked further.
            if (expression.FieldRefs().Any(f => form.FindField(f.Name) is null)) return null;
            RuleTypeChecker.Check(expression, form, mustBeBoolean: true);
            return expression;
        }
        catch (RuleException e)
        {
            file.Error(line, start + e.Column - 1, e.IsTypeError ? "rule-type" : "rule-syntax", $"规则“{node.Value}”有误：{e.Message}");
            return null;
        }
    }
}
