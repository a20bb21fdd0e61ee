using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Handbook.Office.Word;

/// <summary>Turns the style data into the styles and font table parts of a document.</summary>
internal static class StyleWriter
{
    public static Styles Styles(StyleSheet sheet)
    {
        var normalFont = sheet.Styles["Normal"].Font ?? "宋体";
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(sheet, normalFont),
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    Language(sheet))),
                new ParagraphPropertiesDefault()));
        foreach (var (id, data) in sheet.Styles)
            styles.Append(Style(sheet, id, data));
        return styles;
    }

    public static Fonts FontTable(StyleSheet sheet)
    {
        var fonts = new Fonts(new Font { Name = sheet.LatinFont });
        foreach (var (name, fallbacks) in sheet.Fonts)
        {
            var font = new Font { Name = name };
            // Word tries the alternative names when the font itself is not installed.
            if (fallbacks.Count > 0) font.Append(new AltName { Val = string.Join(",", fallbacks) });
            font.Append(new FontCharSet { Val = "86" }); // GB2312
            fonts.Append(font);
        }
        return fonts;
    }

    private static Style Style(StyleSheet sheet, string id, StyleData data)
    {
        var character = data.Type == "character";
        var style = new Style { Type = character ? StyleValues.Character : StyleValues.Paragraph, StyleId = id };
        if (id == "Normal") style.Default = true;
        style.Append(new StyleName { Val = data.Name.Length > 0 ? data.Name : id });
        var basedOn = data.BasedOn ?? (id == "Normal" || character ? null : "Normal");
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        if (id.StartsWith("Heading", StringComparison.Ordinal)) style.Append(new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (!character) style.Append(ParagraphProperties(data));
        style.Append(RunProperties(sheet, id, data));
        return style;
    }

    private static StyleParagraphProperties ParagraphProperties(StyleData data)
    {
        var properties = new StyleParagraphProperties();
        if (data.KeepNext == true) properties.Append(new KeepNext());
        if (data.PageBreakBefore == true) properties.Append(new PageBreakBefore());
        var spacing = new SpacingBetweenLines();
        if (data.SpaceBefore is { } before) spacing.Before = Twips(before * 20);
        if (data.SpaceAfter is { } after) spacing.After = Twips(after * 20);
        if (data.LineSpacing is { } line)
        {
            var (exact, value) = Units.LineSpacing(line, "");
            spacing.Line = Twips(exact ? value * 20 : value * 240);
            spacing.LineRule = exact ? LineSpacingRuleValues.Exact : LineSpacingRuleValues.Auto;
        }
        if (spacing.HasAttributes) properties.Append(spacing);
        if (data.FirstLineIndent is not null || data.IndentLeft is not null || data.IndentRight is not null)
        {
            var indentation = new Indentation();
            if (data.FirstLineIndent is { } chars)
            {
                indentation.FirstLineChars = (int)Math.Round(chars * 100);
                indentation.FirstLine = "0";
            }
            if (data.IndentLeft is { } left) indentation.Left = Units.MmToTwips(left).ToString(CultureInfo.InvariantCulture);
            if (data.IndentRight is { } right) indentation.Right = Units.MmToTwips(right).ToString(CultureInfo.InvariantCulture);
            properties.Append(indentation);
        }
        if (data.Align is { } align) properties.Append(new Justification { Val = Alignment(align) });
        if (data.OutlineLevel is { } level) properties.Append(new OutlineLevel { Val = level - 1 });
        return properties;
    }

    private static StyleRunProperties RunProperties(StyleSheet sheet, string id, StyleData data)
    {
        var properties = new StyleRunProperties();
        if (data.Font is { } font) properties.Append(Fonts(sheet, font));
        if (data.Bold is { } bold) properties.Append(new Bold { Val = bold }, new BoldComplexScript { Val = bold });
        if (data.Italic is { } italic) properties.Append(new Italic { Val = italic });
        if (data.Color is { } color) properties.Append(new Color { Val = color });
        if (data.Size is { } size)
        {
            var halfPoints = Twips(Units.FontSizePoints(size, $"样式 {id} 的 size") * 2);
            properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        }
        if (data.Underline == true) properties.Append(new Underline { Val = UnderlineValues.Single });
        properties.Append(Language(sheet));
        return properties;
    }

    /// <summary>The Chinese font for East Asian text; Latin letters and digits in the Latin font.</summary>
    private static RunFonts Fonts(StyleSheet sheet, string eastAsia) => new()
    {
        Ascii = sheet.LatinFont, HighAnsi = sheet.LatinFont, ComplexScript = sheet.LatinFont, EastAsia = eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };

    private static Languages Language(StyleSheet sheet) => new() { Val = sheet.Language, EastAsia = sheet.Language };

    private static JustificationValues Alignment(string align) => align switch
    {
        "left" => JustificationValues.Left,
        "center" => JustificationValues.Center,
        "right" => JustificationValues.Right,
        "both" => JustificationValues.Both,
        _ => throw new InvalidDataException($"Word 样式的 align“{align}”无效：应为 left、center、right 或 both。"),
    };

    private static string Twips(double value) => ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture);
}
