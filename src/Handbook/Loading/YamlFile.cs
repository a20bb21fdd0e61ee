using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>
/// Reads one YAML document (a file or a front matter block) node by node, so that every problem is
/// reported with its file, line and column, and unknown keys are caught instead of ignored. Articles are read in
/// parallel, so problems are added to the shared list under its lock (the loader sorts them at the end).
/// </summary>
internal sealed class YamlFile(string path, List<Diagnostic> diagnostics, int lineOffset = 0)
{
    public string Path { get; } = path;

    /// <summary>Parses the text; on a syntax error reports it and returns null.</summary>
    public YamlNode? Parse(string text) => Report(YamlText.Parse(text));

    /// <summary>Reports what parsing gave (done apart, possibly on another thread); the root node or null.</summary>
    public YamlNode? Report(YamlText parsed)
    {
        if (parsed.Error is { } problem)
        {
            Report(problem with { Line = problem.Line + lineOffset });
            return null;
        }
        if (parsed.Root is null) Error(1, 1, "empty-file", "文件为空");
        return parsed.Root;
    }

    /// <summary>Reports a problem found in the file's text; its line counts from the start of the file.</summary>
    public void Report(SourceProblem problem) => Error(problem.Line, problem.Column, problem.Code, problem.Message);

    /// <summary>Reads and parses a YAML file; on any problem reports it and returns null.</summary>
    public YamlNode? Load(string fullPath)
    {
        var (text, problem) = SourceText.Read(fullPath);
        if (problem is not null) Report(problem);
        return text is null ? null : Parse(text);
    }

    public void Error(YamlNode node, string code, string message) =>
        Error((int)node.Start.Line + lineOffset, (int)node.Start.Column, code, message);

    public void Error(int line, int column, string code, string message) =>
        Add(new Diagnostic(Path, line, column, Severity.Error, code, message));

    public void Warning(YamlNode node, string code, string message) =>
        Add(new Diagnostic(Path, (int)node.Start.Line + lineOffset, (int)node.Start.Column, Severity.Warning, code, message));

    private void Add(Diagnostic diagnostic)
    {
        lock (diagnostics) diagnostics.Add(diagnostic);
    }

    /// <summary>1-based line in the file of a node.</summary>
    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    /// <summary>Opens a mapping, reporting any key not in <paramref name="keys"/>; null when the node is not a mapping.</summary>
    public YamlMap? Map(YamlNode? node, string what, IReadOnlyCollection<string> keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            if (node is not null) Error(node, "invalid-value", $"{what}应是“键: 值”形式的映射");
            return null;
        }
        var suggested = new HashSet<string>();
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (keys.Contains(name)) continue;
            var suggestion = keys.Select(k => (Key: k, Distance: EditDistance(k, name)))
                .Where(k => k.Distance <= 2).OrderBy(k => k.Distance).Select(k => k.Key).FirstOrDefault();
            if (suggestion is not null) suggested.Add(suggestion);
            Error(key, "unknown-key", $"{what}中有未知的键“{name}”" +
                (suggestion is null ? $"，可用的键：{string.Join("、", keys)}" : $"，是否应为“{suggestion}”？"));
        }
        return new YamlMap(this, mapping, what, suggested);
    }

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            // Transposition: "requried" for "required" is one slip, not two.
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}

/// <summary>Typed access to the keys of one mapping; every wrong or missing value becomes a diagnostic.</summary>
/// <param name="misspelt">Keys an unknown key was taken for: their absence is that same slip, reported once.</param>
internal sealed class YamlMap(YamlFile file, YamlMappingNode node, string what, IReadOnlySet<string> misspelt)
{
    public YamlMappingNode Node { get; } = node;

    public YamlNode? Get(string key) =>
        Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public bool Has(string key) => Get(key) is not null;

    /// <summary>The key's node, for positions.</summary>
    public YamlNode KeyNode(string key) => Node.Children.Keys.First(k => (k as YamlScalarNode)?.Value == key);

    public void Missing(string key, string? code = null)
    {
        if (!misspelt.Contains(key)) file.Error(Node, code ?? "missing-key", $"{what}缺少必填的键“{key}”");
    }

    public string? String(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key);
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            file.Error(node, "invalid-value", $"“{key}”应是一个文字值");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) file.Error(node, "missing-key", $"{what}的“{key}”不能为空");
            return null;
        }
        return value;
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        file.Error(Get(key)!, "invalid-value", $"“{key}”应是数字，而不是“{text}”");
        return null;
    }

    public int? Int(string key, bool required = false, int min = int.MinValue)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
            return value;
        file.Error(Get(key)!, "invalid-value",
            min == int.MinValue ? $"“{key}”应是整数，而不是“{text}”" : $"“{key}”应是不小于 {min} 的整数，而不是“{text}”");
        return null;
    }

    public bool Bool(string key)
    {
        var text = String(key);
        if (text is null) return false;
        if (text is "true" or "True" or "yes") return true;
        if (text is "false" or "False" or "no") return false;
        file.Error(Get(key)!, "invalid-value", $"“{key}”应是 true 或 false，而不是“{text}”");
        return false;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        file.Error(Get(key)!, "invalid-value", $"“{key}”应是日期，写成 2026-03-05 的形式，而不是“{text}”");
        return null;
    }

    /// <summary>The items of a sequence; a single scalar is taken as a one-item list.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key);
            return [];
        }
        return node switch
        {
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode scalar => [scalar],
            _ => Invalid(node, key),
        };
    }

    /// <summary>A list of plain strings, each with its node for positions.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> Strings(string key, bool required = false)
    {
        var result = new List<(string, YamlNode)>();
        foreach (var item in Sequence(key, required))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v }) result.Add((v.Trim(), item));
            else file.Error(item, "invalid-value", $"“{key}”的每一项应是一个文字值");
        }
        return result;
    }

    private IReadOnlyList<YamlNode> Invalid(YamlNode node, string key)
    {
        file.Error(node, "invalid-value", $"“{key}”应是一个列表（每项以“- ”开头）");
        return [];
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
