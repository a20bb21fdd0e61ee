using System.Runtime.InteropServices;

namespace Handbook.Publisher.Site;

/// <summary>
/// How often each term occurs in a text. A Chinese term (one or two characters) is kept as a number, the first
/// character in the high 16 bits and the second (or 0) in the low ones, so counting millions of them neither
/// hashes nor allocates strings; words are kept as strings.
/// </summary>
internal sealed class TermCounts
{
    public Dictionary<int, int> Chinese { get; } = [];
    public Dictionary<string, int> Words { get; } = [];

    public static string ChineseTerm(int key) => (key & 0xffff) == 0 ? ((char)(key >> 16)).ToString() : $"{(char)(key >> 16)}{(char)key}";
}

/// <summary>
/// Splits text into search terms. Chinese has no spaces, so a run of Chinese characters gives its
/// overlapping character bigrams (a single character stands alone); runs of ASCII letters and digits give
/// whole lower-case words. templates/site/static/search.js splits queries the same way; a test keeps the two equal.
/// </summary>
internal static class SearchTokenizer
{
    private delegate void WordHandler(ReadOnlySpan<char> word);

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Split(text, key => tokens.Add(TermCounts.ChineseTerm(key)), word => tokens.Add(word.ToString()));
        return tokens;
    }

    /// <summary>Adds the count of each term in the text to counts.</summary>
    public static void Count(string text, TermCounts counts)
    {
        var words = counts.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Split(text,
            key => CollectionsMarshal.GetValueRefOrAddDefault(counts.Chinese, key, out _)++,
            word => CollectionsMarshal.GetValueRefOrAddDefault(words, word, out _)++);
    }

    private static void Split(string text, Action<int> chinese, WordHandler word)
    {
        Span<char> lower = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsChinese(text[i]))
            {
                while (i < text.Length && IsChinese(text[i])) i++;
                if (i - start == 1) chinese(text[start] << 16);
                for (var j = start; j + 1 < i; j++) chinese(text[j] << 16 | text[j + 1]);
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                var span = text.AsSpan(start, i - start);
                var buffer = span.Length <= lower.Length ? lower[..span.Length] : new char[span.Length];
                span.ToLowerInvariant(buffer);
                word(buffer);
            }
            else i++;
        }
    }

    public static bool IsChinese(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
