using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Handbook.Office.Word;

/// <summary>
/// The Word look as data: page, fonts and paragraph styles, read from templates/word/styles.yml by generated code
/// (StyleSheetYaml), which sets the properties one by one: hence setters, not init.
/// </summary>
public sealed partial class StyleSheet
{
    public const string FileName = "styles.yml";

    /// <summary>Style ids the writers use; the file must define each of them.</summary>
    public static readonly IReadOnlyList<string> RequiredStyles =
    [
        "Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "TOCHeading", "TOC1", "TOC2",
        "ArticleMeta", "ListParagraph", "Quote", "Footer", "FormTitle", "FormCode", "FormSection", "TableText",
        "TableHeader", "TableTextSmall", "TableHeaderSmall", "Hyperlink", "PlaceholderText",
    ];

    public PageSetup Page { get; set; } = new();
    public string Language { get; set; } = "zh-CN";
    public string LatinFont { get; set; } = "Times New Roman";

    /// <summary>Chinese font name → the fonts to use when it is missing.</summary>
    public Dictionary<string, List<string>> Fonts { get; set; } = [];

    public TableSetup Table { get; set; } = new();
    public Dictionary<string, StyleData> Styles { get; set; } = [];

    // The styles and font table parts are the same in every document made with the sheet: serialized once, copied into
    // each (documents made in parallel may both serialize them first; the bytes are the same).
    private byte[]? _stylesPart;
    private byte[]? _fontTablePart;

    internal byte[] StylesPart => _stylesPart ??= Serialized(StyleWriter.Styles(this));

    internal byte[] FontTablePart => _fontTablePart ??= Serialized(StyleWriter.FontTable(this));

    /// <summary>Whether the templates folder has its Word styles (word/styles.yml).</summary>
    public static bool ExistsIn(string templatesDir) => File.Exists(PathIn(templatesDir));

    private static string PathIn(string templatesDir) => Path.Combine(templatesDir, "word", FileName);

    public static StyleSheet Load(string templatesDir)
    {
        var path = PathIn(templatesDir);
        if (!File.Exists(path)) throw new InvalidDataException($"找不到 Word 样式文件“{path}”。");
        StyleSheet sheet;
        try
        {
            sheet = new StaticDeserializerBuilder(new StyleSheetYaml()).WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<StyleSheet?>(File.ReadAllText(path)) ?? new StyleSheet();
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            if (UnknownKey().Match(message) is { Success: true } unknown) message = $"未知的键“{unknown.Groups[1].Value}”";
            throw new InvalidDataException($"{path}:{e.Start.Line}:{e.Start.Column}: Word 样式文件有错误：{message}", e);
        }
        var missing = RequiredStyles.Where(id => !sheet.Styles.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{path}: 缺少样式：{string.Join("、", missing)}。");
        foreach (var (id, style) in sheet.Styles)
        {
            if (style.Size is { } size) Units.FontSizePoints(size, $"{path}: 样式 {id} 的 size");
            if (style.LineSpacing is { } spacing) Units.LineSpacing(spacing, $"{path}: 样式 {id} 的 line_spacing");
            if (style.BasedOn is { } basedOn && !sheet.Styles.ContainsKey(basedOn))
                throw new InvalidDataException($"{path}: 样式 {id} 的 based_on 指向不存在的样式“{basedOn}”。");
        }
        return sheet;
    }

    private static byte[] Serialized(DocumentFormat.OpenXml.OpenXmlPartRootElement root)
    {
        using var output = new MemoryStream();
        root.Save(output);
        return output.ToArray();
    }

    [GeneratedRegex("Property '(.+)' not found")]
    private static partial Regex UnknownKey();
}

/// <summary>Page size and margins in millimetres.</summary>
public sealed class PageSetup
{
    public double Width { get; set; } = 210;
    public double Height { get; set; } = 297;
    public double MarginTop { get; set; } = 30;
    public double MarginBottom { get; set; } = 28;
    public double MarginLeft { get; set; } = 28;
    public double MarginRight { get; set; } = 26;
    public double Header { get; set; } = 15;
    public double Footer { get; set; } = 15;

    /// <summary>Width of the text area between the margins.</summary>
    public double TextWidth => Width - MarginLeft - MarginRight;

    /// <summary>Height of the text area between the margins.</summary>
    public double TextHeight => Height - MarginTop - MarginBottom;

    public bool IsLandscape => Width > Height;

    /// <summary>The same paper turned on its side (wider than high), with the same margins.</summary>
    public PageSetup Landscape() => IsLandscape ? this : new()
    {
        Width = Height, Height = Width, MarginTop = MarginTop, MarginBottom = MarginBottom, MarginLeft = MarginLeft,
        MarginRight = MarginRight, Header = Header, Footer = Footer,
    };
}

public sealed class TableSetup
{
    /// <summary>Border width in points.</summary>
    public double Border { get; set; } = 0.5;

    /// <summary>Left and right cell padding in millimetres.</summary>
    public double CellMargin { get; set; } = 1.5;
}

/// <summary>One style. Unset values are inherited from the style it is based on (Normal by default).</summary>
public sealed class StyleData
{
    public string Name { get; set; } = "";

    /// <summary>paragraph or character.</summary>
    public string Type { get; set; } = "paragraph";

    public string? BasedOn { get; set; }

    /// <summary>The Chinese (East Asian) font.</summary>
    public string? Font { get; set; }

    public string? Size { get; set; }
    public bool? Bold { get; set; }
    public bool? Italic { get; set; }
    public bool? Underline { get; set; }
    public string? Color { get; set; }

    /// <summary>left, center, right or both (justified).</summary>
    public string? Align { get; set; }

    public string? LineSpacing { get; set; }

    /// <summary>Space before and after in points.</summary>
    public double? SpaceBefore { get; set; }
    public double? SpaceAfter { get; set; }

    /// <summary>First-line indent in characters.</summary>
    public double? FirstLineIndent { get; set; }

    /// <summary>Left and right indent in millimetres.</summary>
    public double? IndentLeft { get; set; }
    public double? IndentRight { get; set; }

    public bool? KeepNext { get; set; }
    public bool? PageBreakBefore { get; set; }

    /// <summary>1-based outline level (headings), used by the table of contents.</summary>
    public int? OutlineLevel { get; set; }
}

/// <summary>Conversions between the units of the style data and those of WordprocessingML.</summary>
public static class Units
{
    private static readonly Dictionary<string, double> ChineseSizes = new()
    {
        ["初号"] = 42, ["小初"] = 36, ["一号"] = 26, ["小一"] = 24, ["二号"] = 22, ["小二"] = 18, ["三号"] = 16,
        ["小三"] = 15, ["四号"] = 14, ["小四"] = 12, ["五号"] = 10.5, ["小五"] = 9, ["六号"] = 7.5, ["小六"] = 6.5,
    };

    public static int MmToTwips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static long MmToEmu(double mm) => (long)Math.Round(mm * 36000);

    /// <summary>A size given as a Chinese size name (三号) or in points (16pt, 16).</summary>
    public static double FontSizePoints(string size, string where)
    {
        if (ChineseSizes.TryGetValue(size.Trim(), out var points)) return points;
        if (double.TryParse(size.Trim().TrimEnd('t', 'p'), NumberStyles.Float, CultureInfo.InvariantCulture, out points) && points > 0)
            return points;
        throw new InvalidDataException($"{where}“{size}”不是字号：应为 二号、三号、四号、小四 等，或磅值如 12pt。");
    }

    /// <summary>A line spacing: a multiple ("1.5") or an exact height in points ("28pt").</summary>
    public static (bool Exact, double Value) LineSpacing(string spacing, string where)
    {
        var text = spacing.Trim();
        var exact = text.EndsWith("pt", StringComparison.Ordinal);
        if (double.TryParse(exact ? text[..^2] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            return (exact, value);
        throw new InvalidDataException($"{where}“{spacing}”不是行距：应为倍数如 1.5，或固定值如 28pt。");
    }
}
