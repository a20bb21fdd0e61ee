using System.Text.Json;

namespace Handbook.Publisher.Site;

/// <summary>
/// Writes the client-side search index in pieces a browser loads on demand (templates/site/static/search.js):
/// <list type="bullet">
/// <item><c>search-index.js</c>: the articles [title, url, part, length in terms], the parts and the shard count;</item>
/// <item><c>search-index/t&lt;k&gt;.js</c>: the terms whose hash falls in shard k, each with its postings per
/// article [article gap, count, …] (the gap from the previous article, so the numbers stay short);</item>
/// <item><c>search-index/p&lt;article&gt;.js</c>: an article's passages [anchor, heading, text], loaded only for
/// the results shown, to find and highlight the matching passage.</item>
/// </list>
/// Articles are added from the page-rendering threads as they are rendered; their passages are written then.
/// </summary>
internal sealed class SearchIndexWriter
{
    public const string Folder = "search-index";
    private const string Data = "window.HANDBOOK_SEARCH";
    /// <summary>About this many postings per term shard (some tens of KB).</summary>
    private const int PostingsPerShard = 8000;
    private const int MaxShards = 256;

    private sealed record Entry(string Title, string Url, string Part, TermCounts Counts, int Length);

    private readonly string _output;
    private readonly Entry[] _entries;

    public SearchIndexWriter(string output, int articles)
    {
        _output = output;
        _entries = new Entry[articles];
        Directory.CreateDirectory(Path.Combine(output, Folder));
    }

    public static string Passages(int article) => $"{Folder}/p{article}.js";

    public static string Shard(int shard) => $"{Folder}/t{shard}.js";

    /// <summary>
    /// Which shard holds a term: FNV-1a over its UTF-16 code units, modulo the shard count. search.js hashes the same way.
    /// </summary>
    public static int ShardOf(ReadOnlySpan<char> term, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in term) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)shards);
    }

    /// <summary>Counts an article's terms and writes its passages; thread-safe for distinct articles.</summary>
    public void Add(int article, string title, string url, string part, IReadOnlyList<Section> sections)
    {
        var counts = new TermCounts();
        foreach (var section in sections)
        {
            SearchTokenizer.Count(section.Heading, counts);
            SearchTokenizer.Count(section.Text, counts);
        }
        var length = counts.Chinese.Values.Sum() + counts.Words.Values.Sum();
        _entries[article] = new Entry(title, url, part, counts, length);
        ScriptFile.Write(Path.Combine(_output, Passages(article)), $"{Data}.passages[{article}]", sections, static (json, sections) =>
        {
            json.WriteStartArray();
            foreach (var section in sections)
            {
                json.WriteStartArray();
                json.WriteStringValue(section.Anchor ?? "");
                json.WriteStringValue(section.Heading);
                json.WriteStringValue(section.Text);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>Writes the term shards and search-index.js, once every article is added.</summary>
    public void Write()
    {
        var chinese = new Dictionary<int, List<int>>();
        var words = new Dictionary<string, List<int>>();
        var total = 0;
        for (var article = 0; article < _entries.Length; article++)
        {
            foreach (var (term, count) in _entries[article].Counts.Chinese) AddPosting(chinese, term, article, count);
            foreach (var (term, count) in _entries[article].Counts.Words) AddPosting(words, term, article, count);
            total += _entries[article].Counts.Chinese.Count + _entries[article].Counts.Words.Count;
        }

        var shardCount = Math.Clamp((total + PostingsPerShard - 1) / PostingsPerShard, 1, MaxShards);
        var shards = Enumerable.Range(0, shardCount).Select(_ => new List<(string Term, List<int> Postings)>()).ToArray();
        foreach (var (key, list) in chinese)
        {
            var term = TermCounts.ChineseTerm(key);
            shards[ShardOf(term, shardCount)].Add((term, list));
        }
        foreach (var (term, list) in words) shards[ShardOf(term, shardCount)].Add((term, list));
        Parallel.For(0, shardCount, k => ScriptFile.Write(Path.Combine(_output, Shard(k)), $"{Data}.terms[{k}]", shards[k], WriteTerms));

        ScriptFile.Write(Path.Combine(_output, SiteUrls.SearchIndex), Data, (Entries: _entries, Shards: shardCount), static (json, index) =>
        {
            var parts = index.Entries.Select(e => e.Part).Distinct().ToList();
            json.WriteStartObject();
            json.WriteNumber("shards", index.Shards);
            json.WriteStartArray("parts");
            foreach (var part in parts) json.WriteStringValue(part);
            json.WriteEndArray();
            json.WriteStartArray("docs");
            foreach (var entry in index.Entries)
            {
                json.WriteStartArray();
                json.WriteStringValue(entry.Title);
                json.WriteStringValue(entry.Url);
                json.WriteNumberValue(parts.IndexOf(entry.Part));
                json.WriteNumberValue(entry.Length);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartObject("terms");
            json.WriteEndObject();
            json.WriteStartObject("passages");
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void AddPosting<T>(Dictionary<T, List<int>> postings, T term, int article, int count) where T : notnull
    {
        if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
        list.Add(article);
        list.Add(count);
    }

    /// <summary>Each term's postings as [article gap, count, …]: the distance from the previous article keeps the numbers short.</summary>
    private static void WriteTerms(Utf8JsonWriter json, List<(string Term, List<int> Postings)> terms)
    {
        json.WriteStartObject();
        foreach (var (term, postings) in terms)
        {
            json.WriteStartArray(term);
            for (var (i, previous) = (0, 0); i < postings.Count; previous = postings[i], i += 2)
            {
                json.WriteNumberValue(postings[i] - previous);
                json.WriteNumberValue(postings[i + 1]);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
