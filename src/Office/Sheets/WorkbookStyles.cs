using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Handbook.Office.Sheets;

/// <summary>The stylesheet shared by every workbook: one cell format per CellStyle, in the enum's order.</summary>
internal static class WorkbookStyles
{
    /// <summary>The custom number format for dates (Chinese usage, unambiguous).</summary>
    private const uint DateFormatId = 164, MonthDayFormatId = 165;

    private const string BodyFont = "宋体";
    private const string HeadingFont = "黑体";

    // Font, fill and border indices below refer to the lists built in Create.
    private const uint Normal = 0, Bold = 1, TitleFont = 2, Small = 3;
    private const uint NoFill = 0, HeaderFill = 2, TotalFill = 3, SectionFill = 4, InputFill = 5;
    private const uint CompleteFill = 6, LateFill = 7, PartialFill = 8, InvalidFill = 9, MissingFill = 10;
    private const uint NoBorder = 0, Thin = 1;

    /// <summary>Styles whose text wraps, so a row of them grows with its longest text.</summary>
    public static bool Wraps(CellStyle style) =>
        style is CellStyle.Header or CellStyle.Body or CellStyle.BodyCentered or CellStyle.Wrapped or CellStyle.Note or CellStyle.InputText
            or CellStyle.StatusComplete or CellStyle.StatusLate or CellStyle.StatusPartial or CellStyle.StatusInvalid or CellStyle.StatusMissing;

    public static Stylesheet Create()
    {
        var formats = new Dictionary<CellStyle, CellFormat>
        {
            [CellStyle.Default] = Format(Normal, NoFill, NoBorder, null, VerticalAlignmentValues.Center),
            [CellStyle.Title] = Format(TitleFont, NoFill, NoBorder, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            [CellStyle.Subtitle] = Format(Normal, NoFill, NoBorder, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            [CellStyle.Header] = Format(Bold, HeaderFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),
            [CellStyle.Body] = Format(Normal, NoFill, Thin, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, wrap: true),
            [CellStyle.BodyCentered] = Format(Normal, NoFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),
            [CellStyle.BodyDate] = Format(Normal, NoFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, numberFormat: DateFormatId),
            [CellStyle.Wrapped] = Format(Normal, NoFill, NoBorder, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true),
            [CellStyle.Date] = Format(Normal, NoFill, NoBorder, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, numberFormat: DateFormatId),
            [CellStyle.TotalLabel] = Format(Bold, TotalFill, Thin, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Center),
            [CellStyle.Total] = Format(Bold, TotalFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            [CellStyle.Note] = Format(Small, NoFill, NoBorder, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, wrap: true),
            [CellStyle.Section] = Format(Bold, SectionFill, Thin, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center),
            [CellStyle.Input] = Format(Normal, InputFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            [CellStyle.InputText] = Format(Normal, InputFill, Thin, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, wrap: true),
            [CellStyle.InputDate] = Format(Normal, InputFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, numberFormat: DateFormatId),
            [CellStyle.BodyMonthDay] = Format(Normal, NoFill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, numberFormat: MonthDayFormatId),
            [CellStyle.StatusComplete] = Status(CompleteFill),
            [CellStyle.StatusLate] = Status(LateFill),
            [CellStyle.StatusPartial] = Status(PartialFill),
            [CellStyle.StatusInvalid] = Status(InvalidFill),
            [CellStyle.StatusMissing] = Status(MissingFill),
        };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = MonthDayFormatId, FormatCode = "m\"月\"d\"日\"" }) { Count = 2 },
            new Fonts(
                Font(BodyFont, 11, bold: false),
                Font(BodyFont, 11, bold: true),
                Font(HeadingFont, 16, bold: true),
                Font(BodyFont, 9, bold: false)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFDDEBF7"),
                Solid("FFFFF2CC"),
                Solid("FFF2F2F2"),
                Solid("FFFFFDE7"),
                // The compliance states, in the HTML report's colours.
                Solid("FFD9F2D9"),
                Solid("FFFFF2B3"),
                Solid("FFFFD9A8"),
                Solid("FFF7C1C1"),
                Solid("FFE6A0A0")) { Count = 11 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(Enum.GetValues<CellStyle>().Select(s => formats[s])) { Count = (uint)formats.Count });
    }

    private static Font Font(string name, double size, bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = name }, new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Status(uint fill) =>
        Format(Normal, fill, Thin, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true);

    private static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues? horizontal,
        VerticalAlignmentValues vertical, bool wrap = false, uint numberFormat = 0)
    {
        var alignment = new Alignment { Vertical = vertical };
        if (horizontal is not null) alignment.Horizontal = horizontal;
        if (wrap) alignment.WrapText = true;
        return new CellFormat(alignment)
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyFont = true, ApplyFill = fill != NoFill, ApplyBorder = border != NoBorder, ApplyAlignment = true,
            ApplyNumberFormat = numberFormat != 0,
        };
    }
}
