namespace Handbook.Office;

/// <summary>
/// How wide text prints: a Chinese character (or full-width punctuation) takes the room of two Latin letters or digits.
/// The one test of that the sheet and Word writers size columns by.
/// </summary>
public static class TextWidth
{
    public static bool IsWide(char c) => c >= '\u2E80';

    /// <summary>The width in half characters; in a sheet, in Excel's width unit (the width of a digit).</summary>
    public static int Of(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    /// <summary>A sheet column width that shows the text and some padding, kept within readable bounds.</summary>
    public static double Column(string text, int min = 6, int max = 60) => Math.Clamp(Of(text) + 2, min, max);
}
