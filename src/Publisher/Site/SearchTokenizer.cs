using System.Runtime.InteropServices;

namespace Handbook.Publisher.Site;

/// <summary>
/// Splits text into search terms. Chinese has no spaces, so a run of Chinese characters gives its
/// overlapping character bigrams (a single character stands alone); runs of ASCII letters and digits give
/// whole lower-case words. templates/site/static/search.js splits queries the same way; a test keeps the two equal.
/// </summary>
internal static class SearchTokenizer
{
    private delegate void TokenHandler(ReadOnlySpan<char> token);

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Split(text, token => tokens.Add(token.ToString()));
        return tokens;
    }

    /// <summary>Adds the count of each term in the text to counts, without allocating a string per term seen before.</summary>
    public static void Count(string text, Dictionary<string, int> counts)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Split(text, token => CollectionsMarshal.GetValueRefOrAddDefault(lookup, token, out _)++);
    }

    private static void Split(string text, TokenHandler handle)
    {
        Span<char> lower = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsChinese(text[i]))
            {
                while (i < text.Length && IsChinese(text[i])) i++;
                if (i - start == 1) handle(text.AsSpan(start, 1));
                for (var j = start; j + 1 < i; j++) handle(text.AsSpan(j, 2));
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                var word = text.AsSpan(start, i - start);
                var buffer = word.Length <= lower.Length ? lower[..word.Length] : new char[word.Length];
                word.ToLowerInvariant(buffer);
                handle(buffer);
            }
            else i++;
        }
    }

    public static bool IsChinese(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
