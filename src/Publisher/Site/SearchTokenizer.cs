namespace Handbook.Publisher.Site;

/// <summary>
/// Splits text into search terms. Chinese has no spaces, so a run of Chinese characters gives its
/// overlapping character bigrams (a single character stands alone); runs of ASCII letters and digits give
/// whole lower-case words. templates/site/static/search.js splits queries the same way; a test keeps the two equal.
/// </summary>
internal static class SearchTokenizer
{
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsChinese(text[i]))
            {
                while (i < text.Length && IsChinese(text[i])) i++;
                if (i - start == 1) tokens.Add(text[start].ToString());
                for (var j = start; j + 1 < i; j++) tokens.Add(text.Substring(j, 2));
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                tokens.Add(text[start..i].ToLowerInvariant());
            }
            else i++;
        }
        return tokens;
    }

    public static bool IsChinese(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
