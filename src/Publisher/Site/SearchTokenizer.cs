using System.Collections;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Handbook.Publisher.Site;

/// <summary>
/// How often each term occurs in a text. A Chinese term (one or two characters) is kept as a number, the first
/// character in the high 16 bits and the second (or 0) in the low ones, so counting millions of them neither
/// hashes nor allocates strings; words are kept as strings. Reused article after article (see <see cref="ToTerms"/>).
/// </summary>
internal sealed class TermCounts
{
    public KeyCounts Chinese { get; } = new();
    public Dictionary<string, int> Words { get; } = [];

    public static string ChineseTerm(int key) => (key & 0xffff) == 0 ? ((char)(key >> 16)).ToString() : $"{(char)(key >> 16)}{(char)key}";

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

/// <summary>
/// Counts of Chinese term keys (never 0: the high half is a Chinese character) in an open-addressing table: linear
/// probing, a power-of-two size, at most half full. Counting some fifteen million bigrams is most of the search
/// index's work; Dictionary&lt;int, int&gt; took about twice as long.
/// </summary>
internal sealed class KeyCounts : IEnumerable<(int Key, int Count)>
{
    private int[] _keys = new int[4096]; // 0 marks an empty slot
    private int[] _counts = new int[4096];
    private int[] _used = new int[2048]; // the slots in use, so that listing and emptying skip the empty ones

    public int Count { get; private set; }

    public void Add(int key)
    {
        var mask = _keys.Length - 1;
        for (var slot = Home(key, _keys.Length); ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                _counts[slot]++;
                return;
            }
            if (_keys[slot] != 0) continue;
            (_keys[slot], _counts[slot], _used[Count++]) = (key, 1, slot);
            if (Count * 2 >= _keys.Length) Grow();
            return;
        }
    }

    public IEnumerator<(int Key, int Count)> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return (_keys[_used[i]], _counts[_used[i]]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Clear()
    {
        for (var i = 0; i < Count; i++) _keys[_used[i]] = 0;
        Count = 0;
    }

    /// <summary>Fibonacci hashing: the top bits of the key times 2^32/φ, so keys differing only in their low half spread too.</summary>
    private static int Home(int key, int size) => (int)((uint)key * 2654435769u >> (32 - BitOperations.Log2((uint)size)));

    private void Grow()
    {
        var (keys, counts, used, count) = (_keys, _counts, _used, Count);
        (_keys, _counts, _used, Count) = (new int[keys.Length * 2], new int[keys.Length * 2], new int[keys.Length], 0);
        for (var i = 0; i < count; i++)
        {
            var mask = _keys.Length - 1;
            var slot = Home(keys[used[i]], _keys.Length);
            while (_keys[slot] != 0) slot = (slot + 1) & mask;
            (_keys[slot], _counts[slot], _used[Count++]) = (keys[used[i]], counts[used[i]], slot);
        }
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

        public void Chinese(int key) => counts.Chinese.Add(key);
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
