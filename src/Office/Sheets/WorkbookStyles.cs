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

    /// <summary>How each CellStyle looks; Create builds one cell format from each, in the enum's order.</summary>
    private sealed record Look(uint Font, uint Fill, uint Border, HorizontalAlignmentValues? Horizontal, VerticalAlignmentValues Vertical,
        bool Wrap = false, uint NumberFormat = 0);

    private static readonly VerticalAlignmentValues Middle = VerticalAlignmentValues.Center;
    private static readonly HorizontalAlignmentValues Left = HorizontalAlignmentValues.Left, Centered = HorizontalAlignmentValues.Center;

    private static readonly Dictionary<CellStyle, Look> Looks = new()
    {
        [CellStyle.Default] = new(Normal, NoFill, NoBorder, null, Middle),
        [CellStyle.Title] = new(TitleFont, NoFill, NoBorder, Centered, Middle),
        [CellStyle.Subtitle] = new(Normal, NoFill, NoBorder, Centered, Middle),
        [CellStyle.Header] = new(Bold, HeaderFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.Body] = new(Normal, NoFill, Thin, Left, Middle, Wrap: true),
        [CellStyle.BodyCentered] = new(Normal, NoFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.BodyDate] = new(Normal, NoFill, Thin, Centered, Middle, NumberFormat: DateFormatId),
        [CellStyle.Wrapped] = new(Normal, NoFill, NoBorder, Left, VerticalAlignmentValues.Top, Wrap: true),
        [CellStyle.Date] = new(Normal, NoFill, NoBorder, Centered, Middle, NumberFormat: DateFormatId),
        [CellStyle.TotalLabel] = new(Bold, TotalFill, Thin, HorizontalAlignmentValues.Right, Middle),
        [CellStyle.Total] = new(Bold, TotalFill, Thin, Centered, Middle),
        [CellStyle.Note] = new(Small, NoFill, NoBorder, Left, Middle, Wrap: true),
        [CellStyle.Section] = new(Bold, SectionFill, Thin, Left, Middle),
        [CellStyle.Input] = new(Normal, InputFill, Thin, Centered, Middle),
        [CellStyle.InputText] = new(Normal, InputFill, Thin, Left, Middle, Wrap: true),
        [CellStyle.InputDate] = new(Normal, InputFill, Thin, Centered, Middle, NumberFormat: DateFormatId),
        [CellStyle.BodyMonthDay] = new(Normal, NoFill, Thin, Centered, Middle, NumberFormat: MonthDayFormatId),
        [CellStyle.StatusComplete] = new(Normal, CompleteFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.StatusLate] = new(Normal, LateFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.StatusPartial] = new(Normal, PartialFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.StatusInvalid] = new(Normal, InvalidFill, Thin, Centered, Middle, Wrap: true),
        [CellStyle.StatusMissing] = new(Normal, MissingFill, Thin, Centered, Middle, Wrap: true),
    };

    /// <summary>Styles whose text wraps, so a row of them grows with its longest text.</summary>
    public static bool Wraps(CellStyle style) => Looks[style].Wrap;

    public static Stylesheet Create()
    {
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
            new CellFormats(Enum.GetValues<CellStyle>().Select(s => Format(Looks[s]))) { Count = (uint)Looks.Count });
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

    private static CellFormat Format(Look look)
    {
        var alignment = new Alignment { Vertical = look.Vertical };
        if (look.Horizontal is { } horizontal) alignment.Horizontal = horizontal;
        if (look.Wrap) alignment.WrapText = true;
        return new CellFormat(alignment)
        {
            NumberFormatId = look.NumberFormat, FontId = look.Font, FillId = look.Fill, BorderId = look.Border, FormatId = 0,
            ApplyFont = true, ApplyFill = look.Fill != NoFill, ApplyBorder = look.Border != NoBorder, ApplyAlignment = true,
            ApplyNumberFormat = look.NumberFormat != 0,
        };
    }
}
