using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Handbook.Office.Word;

/// <summary>The two list kinds of the converter: bullets and numbers, nine levels each.</summary>
internal static class ListDefinitions
{
    private static readonly string[] BulletSymbols = ["●", "○", "■"];

    // Chinese numbering usage: 1.  （1）  ①, then repeating.
    private static readonly (NumberFormatValues Format, string Text)[] NumberFormats =
    [
        (NumberFormatValues.Decimal, "%{0}."),
        (NumberFormatValues.Decimal, "（%{0}）"),
        (NumberFormatValues.DecimalEnclosedCircle, "%{0}"),
    ];

    public static AbstractNum Bullets(int id) => Definition(id, level =>
        (NumberFormatValues.Bullet, BulletSymbols[level % BulletSymbols.Length]));

    public static AbstractNum Numbers(int id) => Definition(id, level =>
    {
        var (format, text) = NumberFormats[level % NumberFormats.Length];
        return (format, string.Format(CultureInfo.InvariantCulture, text, level + 1));
    });

    private static AbstractNum Definition(int id, Func<int, (NumberFormatValues Format, string Text)> style)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var (format, text) = style(level);
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = WordPackage.Invariant(420 * (level + 2)), Hanging = "420",
                })) { LevelIndex = level });
        }
        return definition;
    }
}
