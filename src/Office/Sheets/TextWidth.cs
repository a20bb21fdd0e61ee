namespace Handbook.Office.Sheets;

/// <summary>How wide text shows in a sheet, in Excel's width unit (the width of a digit): a Chinese character takes two.</summary>
public static class TextWidth
{
    public static int Of(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

    /// <summary>A column width that shows the text and some padding, kept within readable bounds.</summary>
    public static double Column(string text, int min = 6, int max = 60) => Math.Clamp(Of(text) + 2, min, max);
}
