using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Handbook.Validator.Checking;

/// <summary>Reads typed values from what people write: dates in the common Chinese forms, numbers with full-width digits, lists of names.</summary>
public static partial class ValueParser
{
    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(T[\d:.]+Z?)?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"[、，,；;\s]+")]
    private static partial Regex NameSeparators();

    private static readonly HashSet<string> Yes = ["1", "true", "是", "☒", "☑", "✓", "✔", "√", "x", "X"];
    private static readonly HashSet<string> No = ["0", "false", "否", "☐", "□"];

    /// <summary>Full-width digits and punctuation to ASCII, spaces removed: what an input method produces is read like ASCII.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                '．' => '.',
                '－' or '—' => '-',
                '／' => '/',
                _ => c,
            });
        }
        return sb.ToString();
    }

    public static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var s = Normalize(text);
        var m = ChineseDate().Match(s);
        if (!m.Success) m = NumericDate().Match(s);
        if (!m.Success) return false;
        var (y, mo, d) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        if (y < 1900 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }

    public static bool TryNumber(string text, bool integer, out decimal value) =>
        decimal.TryParse(Normalize(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out value)
        && (!integer || value == decimal.Truncate(value));

    public static bool TryCheckbox(string text, out bool value)
    {
        var s = Normalize(text);
        value = Yes.Contains(s);
        return value || No.Contains(s);
    }

    public static List<string> Names(string text) =>
        [.. NameSeparators().Split(text).Where(n => n.Length > 0)];
}
