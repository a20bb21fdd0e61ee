using System.Runtime.InteropServices;

namespace Handbook.Publisher.Site;

/// <summary>
/// How often each term occurs in a text. A Chinese term (one or two characters) is kept as a number, the first
/// character in the high 16 bits and the second (or 0) in the low ones, so counting millions of them neither
/// hashes nor allocates strings; words are kept as strings. Reused article after article (see <see cref="ToTerms"/>).
/// </summary>
internal sealed class TermCounts
{
    public KeyTable Chinese { get; } = new();
    public Dictionary<string, int> Words { get; } = [];

    public static string ChineseTerm(int key) => new(ChineseTerm(key, stackalloc char[2]));

    /// <summary>The term of a key, in the buffer (two characters long): without allocating a string.</summary>
    public static ReadOnlySpan<char> ChineseTerm(int key, Span<char> buffer)
    {
        (buffer[0], buffer[1]) = ((char)(key >> 16), (char)key);
        return (key & 0xffff) == 0 ? buffer[..1] : buffer;
    }

    /// <summary>
    /// The counts as compact arrays, and the tables emptied for the next text. Thousands of articles' tables kept
    /// until the index is written would be hundreds of MB that the garbage collector copies from generation to generation.
    /// </summary>
    public ArticleTerms ToTerms()
    {
        var chinese = new int[Chinese.Count * 2];
        var (i, total) = (0, 0);
        foreach (var (key, count) in Chinese)
        {
            (chinese[i++], chinese[i++]) = (key, count);
            total += count;
        }
        var terms = new ArticleTerms(chinese, [.. Words], total + Words.Values.Sum());
        Chinese.Clear();
        Words.Clear();
        return terms;
    }
}

/// <param name="Chinese">Pairs of Chinese term key (see <see cref="TermCounts"/>) and count.</param>
/// <param name="Length">How many terms the article has in all.</param>
internal sealed record ArticleTerms(int[] Chinese, KeyValuePair<string, int>[] Words, int Length);

/// <summary>
/// Splits text into search terms. Chinese has no spaces, so a run of Chinese characters gives its
/// overlapping character bigrams (a single character stands alone); runs of ASCII letters and digits give
/// whole lower-case words. templates/site/static/search.js splits queries the same way; a test keeps the two equal.
/// </summary>
internal static class SearchTokenizer
{
    /// <summary>Receives the terms of a text. A struct, so the split loop calls it directly, not through a delegate.</summary>
    private interface ITermSink
    {
        void Chinese(int key);
        void Word(ReadOnlySpan<char> word);
    }

    private readonly struct TokenList(List<string> tokens) : ITermSink
    {
        public void Chinese(int key) => tokens.Add(TermCounts.ChineseTerm(key));
        public void Word(ReadOnlySpan<char> word) => tokens.Add(word.ToString());
    }

    private readonly struct Counter(TermCounts counts) : ITermSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words = counts.Words.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Chinese(int key) => counts.Chinese.ValueRef(key)++;
        public void Word(ReadOnlySpan<char> word) => CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out _)++;
    }

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Split(text, new TokenList(tokens));
        return tokens;
    }

    /// <summary>Adds the count of each term in the text to counts.</summary>
    public static void Count(string text, TermCounts counts) => Split(text, new Counter(counts));

    private static void Split<TSink>(string text, TSink sink) where TSink : struct, ITermSink
    {
        Span<char> lower = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsChinese(text[i]))
            {
                while (i < text.Length && IsChinese(text[i])) i++;
                if (i - start == 1) sink.Chinese(text[start] << 16);
                for (var j = start; j + 1 < i; j++) sink.Chinese(text[j] << 16 | text[j + 1]);
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                var span = text.AsSpan(start, i - start);
                var buffer = span.Length <= lower.Length ? lower[..span.Length] : new char[span.Length];
                span.ToLowerInvariant(buffer);
                sink.Word(buffer);
            }
            else i++;
        }
    }

    public static bool IsChinese(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
