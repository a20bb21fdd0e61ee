using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Handbook.Office.Word;

/// <summary>
/// An HTML table as a Word table as wide as the text area: header rows (thead) shaded and repeated on each page,
/// colspan and rowspan as merged cells, column widths from &lt;col width&gt; (percent, mm or relative). A table without
/// them too crowded for the page at 五号 is set small (<see cref="TextWidths"/>).
/// </summary>
internal sealed partial class TableConverter(WordPackage package)
{
    private sealed record Slot(IElement Cell, int Column, int ColSpan, int RowSpan, bool Continues);

    /// <param name="cellContent">A cell's paragraphs; its flag says whether the table is set small.</param>
    public Table Convert(IElement table, Func<IElement, bool, List<OpenXmlElement>> cellContent)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var layout = Layout(rows);
        var columns = Math.Max(1, layout.Count == 0 ? 1 : layout.Max(r => r.Count == 0 ? 0 : r.Max(s => s.Column + s.ColSpan)));
        var (widths, small) = ColumnWidths(table, layout, columns, package.TextWidthTwips);
        var result = new Table(Properties(widths.Sum()), new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow(RowProperties(rows[r]));
            var header = rows[r].ParentElement?.LocalName == "thead";
            foreach (var slot in layout[r].OrderBy(s => s.Column))
                row.Append(Cell(slot, widths, cell => cellContent(cell, small), header));
            result.Append(row);
        }
        return result;
    }

    /// <summary>Where each cell sits in the grid, with the places covered by a rowspan from above.</summary>
    private static List<List<Slot>> Layout(List<IElement> rows)
    {
        var layout = rows.Select(_ => new List<Slot>()).ToList();
        var covered = new Dictionary<(int Row, int Column), Slot>();
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r].Children.Where(c => c.LocalName is "td" or "th"))
            {
                while (covered.TryGetValue((r, column), out var above))
                {
                    layout[r].Add(above with { Continues = true });
                    column += above.ColSpan;
                }
                var colSpan = Math.Max(1, Span(cell, "colspan"));
                var rowSpan = Math.Clamp(Span(cell, "rowspan"), 1, rows.Count - r);
                var slot = new Slot(cell, column, colSpan, rowSpan, false);
                layout[r].Add(slot);
                for (var below = 1; below < rowSpan; below++) covered[(r + below, column)] = slot;
                column += colSpan;
            }
            while (covered.TryGetValue((r, column), out var rest))
            {
                layout[r].Add(rest with { Continues = true });
                column += rest.ColSpan;
            }
        }
        return layout;
    }

    private static int Span(IElement cell, string attribute) =>
        int.TryParse(cell.GetAttribute(attribute), out var span) ? span : 1;

    private TableProperties Properties(int width)
    {
        var border = (uint)Math.Round(package.Sheet.Table.Border * 8); // eighths of a point
        var margin = Units.MmToTwips(package.Sheet.Table.CellMargin);
        return new TableProperties(
            new TableWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = border, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)margin, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)margin, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "04A0", FirstRow = true, NoVerticalBand = true });
    }

    private static TableRowProperties RowProperties(IElement row)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (Height().Match(row.GetAttribute("style") ?? "") is { Success: true } match)
            properties.Append(new TableRowHeight
            {
                Val = (uint)Length(match.Groups[1].Value, match.Groups[2].Value), HeightType = HeightRuleValues.AtLeast,
            });
        if (row.ParentElement?.LocalName == "thead") properties.Append(new TableHeader());
        return properties;
    }

    private static TableCell Cell(Slot slot, int[] widths, Func<IElement, List<OpenXmlElement>> cellContent, bool header)
    {
        var width = widths.Skip(slot.Column).Take(slot.ColSpan).Sum();
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (slot.ColSpan > 1) properties.Append(new GridSpan { Val = slot.ColSpan });
        if (slot.RowSpan > 1)
            properties.Append(new VerticalMerge { Val = slot.Continues ? MergedCellValues.Continue : MergedCellValues.Restart });
        // Header rows are shaded, so a header reads as one on paper too.
        if (header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(properties);
        if (!slot.Continues) cell.Append(cellContent(slot.Cell));
        // A cell must end with a paragraph.
        if (cell.LastChild is not Paragraph) cell.Append(new Paragraph());
        return cell;
    }

    /// <summary>
    /// Column widths in twips, filling the width: given ones from &lt;col&gt;, the rest share what is left; a table
    /// without any (a Markdown table) gets widths after its text, so short columns stay narrow, and may be set small.
    /// </summary>
    private static (int[] Widths, bool Small) ColumnWidths(IElement table, List<List<Slot>> layout, int columns, int total)
    {
        var given = new double?[columns];
        var index = 0;
        foreach (var col in table.QuerySelectorAll("col").Where(c => c.Closest("table") == table))
        {
            var span = Math.Max(1, Span(col, "span"));
            for (var i = 0; i < span && index < columns; i++, index++) given[index] = Width(col, total);
        }
        if (index == 0) return TextWidths(layout, columns, total);
        var known = given.Where(w => w is not null).Sum(w => w!.Value);
        var unknown = given.Count(w => w is null);
        // Relative or oversized widths are scaled so the table fits the page exactly.
        var rest = unknown == 0 ? 0 : Math.Max(total - known, total * 0.1 * unknown) / unknown;
        return (Scaled(given.Select(w => w ?? rest).ToArray(), total), false);
    }

    private static int[] Scaled(double[] raw, int total)
    {
        var scale = total / raw.Sum();
        return raw.Select(w => (int)Math.Floor(w * scale)).ToArray();
    }

    /// <summary>
    /// How much room each column's text asks for, in half characters (<see cref="HalfCharacters"/>): its longest cell,
    /// at least its header on one line (or, where <paramref name="headersMayWrap"/>, a header of more than four
    /// characters on two), at most a long line, so one long cell does not squeeze the others to a character.
    /// </summary>
    private static double[] TextWeights(List<List<Slot>> layout, int columns, bool headersMayWrap)
    {
        const int MinWidth = 4, LongLine = 40, ShortHeader = 8;
        var weights = Enumerable.Repeat((double)MinWidth, columns).ToArray();
        foreach (var slot in layout.SelectMany(r => r).Where(s => s.ColSpan == 1 && !s.Continues))
        {
            var width = HalfCharacters(slot.Cell.TextContent.Trim());
            var needed = slot.Cell.LocalName != "th" ? Math.Min(width, LongLine)
                : headersMayWrap && width > ShortHeader ? Math.Ceiling(width / 2) : width;
            weights[slot.Column] = Math.Max(weights[slot.Column], needed);
        }
        return weights;
    }

    /// <summary>
    /// The width of a text in half characters: a Chinese character counts two, a Latin letter or digit one, and each
    /// change between them a little more, for the space office suites put there (LibreOffice 7.4 always, measured a
    /// fifth of an em, ignoring w:autoSpaceDE/w:autoSpaceDN; Word by default): 2026 年 3 月 24 日 wrapped its 日 in a
    /// column as wide as its characters.
    /// </summary>
    internal static double HalfCharacters(string text)
    {
        const double AutoSpace = 0.4;
        var width = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            width += TextWidth.IsWide(text[i]) ? 2 : 1;
            if (i > 0 && TextWidth.IsWide(text[i]) != TextWidth.IsWide(text[i - 1]) && char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i - 1]))
                width += AutoSpace;
        }
        return width;
    }

    /// <summary>
    /// Widths after the text's weights, filling the width, from three levels of room a column may get: what its text
    /// asks with the cell's padding (about two characters); its short line (a number, a date such as 2026年12月31日, a
    /// name) with that padding; its short line with only the cell's margins and a little to spare. A table that needs
    /// less than the page gets what it asks, scaled up; otherwise each column gets the highest level that fits, and the
    /// rest of the width is shared in proportion to what the next level would add (scaling every column alike broke 扣分
    /// as 扣/分; a long column does not take the room of the short ones). When even the lowest level does not fit at 五号
    /// (seven or eight columns of names, dates and categories: a date wrapped its 日), the table is set small, in 小五
    /// (TableTextSmall, TableHeaderSmall), with its longer headers on two lines, unless none of its columns has short
    /// text.
    /// </summary>
    private static (int[] Widths, bool Small) TextWidths(List<List<Slot>> layout, int columns, int total)
    {
        const double FiveHao = 105, SmallFiveHao = 90; // twips a half character takes at 五号 and 小五
        var weights = TextWeights(layout, columns, headersMayWrap: false);
        var levels = Levels(weights, FiveHao);
        // A table of long texts only wraps them anyway: it stays at 五号.
        if (levels[0].Sum() <= total || weights.All(w => w >= ShortLine)) return (Widths(levels, total), false);
        return (Widths(Levels(TextWeights(layout, columns, headersMayWrap: true), SmallFiveHao), total), true);
    }

    private const double ShortLine = 16;

    /// <summary>The levels of room, lowest first, in twips.</summary>
    private static double[][] Levels(double[] weights, double halfCharacter)
    {
        // Padding: a cell's margins (2 × 1.5 mm, about two half characters) and more; Tight: the margins and a little.
        const double Padding = 4, Tight = 2.5;
        return
        [
            [.. weights.Select(w => (Math.Min(w, ShortLine) + Tight) * halfCharacter)],
            [.. weights.Select(w => (Math.Min(w, ShortLine) + Padding) * halfCharacter)],
            [.. weights.Select(w => (w + Padding) * halfCharacter)],
        ];
    }

    private static int[] Widths(double[][] levels, int total)
    {
        if (levels[^1].Sum() <= total) return Scaled(levels[^1], total);
        for (var i = levels.Length - 2; i >= 0; i--)
        {
            var (low, high) = (levels[i], levels[i + 1]);
            if (low.Sum() > total) continue;
            var share = (total - low.Sum()) / (high.Sum() - low.Sum());
            return [.. low.Select((l, c) => (int)Math.Floor(l + (high[c] - l) * share))];
        }
        return Scaled(levels[0], total);
    }

    private static double? Width(IElement col, int total)
    {
        var text = col.GetAttribute("width") ?? WidthStyle().Match(col.GetAttribute("style") ?? "") switch
        {
            { Success: true } m => m.Groups[1].Value,
            _ => null,
        };
        if (text is null) return null;
        var match = Measure().Match(text.Trim());
        if (!match.Success) return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "%" => total * value / 100,
            "" or "*" => total * value / 100, // bare numbers are read as percent
            var unit => Length(match.Groups[1].Value, unit),
        };
    }

    /// <summary>A length in mm, cm, pt or px, in twips.</summary>
    private static int Length(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "cm" => Units.MmToTwips(value * 10),
            "pt" => (int)Math.Round(value * 20),
            "px" => (int)Math.Round(value * 15),
            _ => Units.MmToTwips(value),
        };
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"height:\s*([\d.]+)\s*(mm|cm|pt|px)")]
    private static partial Regex Height();

    [GeneratedRegex(@"width:\s*([\d.]+\s*(?:%|mm|cm|pt|px)?)")]
    private static partial Regex WidthStyle();

    [GeneratedRegex(@"^([\d.]+)\s*(%|mm|cm|pt|px|\*)?$")]
    private static partial Regex Measure();
}
