using System.Text.Json;

namespace Handbook.Publisher.Site;

/// <summary>
/// Writes the client-side search index in pieces a browser loads on demand (templates/site/static/search.js):
/// <list type="bullet">
/// <item><c>search-index.js</c>: the articles [title, url, part, length in terms, passage file], the parts and the
/// shard count;</item>
/// <item><c>search-index/t&lt;k&gt;.js</c>: the terms whose hash falls in shard k, each with its postings per
/// article [article gap, count, …] (the gap from the previous article, so the numbers stay short);</item>
/// <item><c>search-index/p&lt;n&gt;.js</c>: the passages [anchor, heading, text] of a few consecutive articles
/// (about <see cref="CharactersPerPassageFile"/> characters of Markdown), loaded only for the results shown, to find
/// and highlight the matching passage. Not one file per article: creating thousands of small files costs the
/// kernel more than the bytes do.</item>
/// </list>
/// Articles are added from the page-rendering threads as they are rendered; a passage file is written as soon as
/// its last article is added, so the text is not kept (unless the index is to be updated, for `serve`).
/// </summary>
internal sealed class SearchIndexWriter
{
    public const string Folder = "search-index";
    private const string Data = "window.HANDBOOK_SEARCH";
    /// <summary>About this many postings per term shard (some tens of KB).</summary>
    private const int PostingsPerShard = 8000;
    private const int MaxShards = 256;
    private const int CharactersPerPassageFile = 8000;

    private sealed record Entry(string Title, string Url, string Part, ArticleTerms Terms);

    [ThreadStatic] private static TermCounts? t_counts;

    private readonly string _output;
    private readonly Entry[] _entries;
    private readonly IReadOnlyList<Section>?[] _sections;
    private readonly int[] _fileOf;
    private readonly List<int> _firstOf = [];
    /// <summary>Per passage file, how many of its articles are still to be added.</summary>
    private readonly int[] _pending;
    private readonly bool _updatable;
    private int _shardCount;
    /// <summary>When updatable: per article, the shard of each of its terms (see <see cref="ShardsOf"/>).</summary>
    private byte[][]? _shardsOf;

    /// <param name="lengths">Each article's length (its Markdown), to put a few articles in each passage file.</param>
    /// <param name="updatable">Keep every article's text, so that <see cref="Update"/> can rewrite its passage file.</param>
    public SearchIndexWriter(string output, IReadOnlyList<int> lengths, bool updatable = false)
    {
        _output = output;
        _updatable = updatable;
        _entries = new Entry[lengths.Count];
        _sections = new IReadOnlyList<Section>?[lengths.Count];
        _fileOf = new int[lengths.Count];
        var size = CharactersPerPassageFile;
        for (var article = 0; article < lengths.Count; article++)
        {
            if (size >= CharactersPerPassageFile)
            {
                _firstOf.Add(article);
                size = 0;
            }
            size += lengths[article];
            _fileOf[article] = _firstOf.Count - 1;
        }
        _pending = [.. Enumerable.Range(0, _firstOf.Count).Select(file => ArticlesIn(file).Count())];
        Directory.CreateDirectory(Path.Combine(output, Folder));
    }

    public static string Passages(int file) => $"{Folder}/p{file}.js";

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
        var counts = t_counts ??= new TermCounts();
        for (var i = 0; i < sections.Count; i++)
        {
            // A table's rows are passages of their section: its heading counts once.
            if (i == 0 || sections[i].Anchor != sections[i - 1].Anchor || sections[i].Heading != sections[i - 1].Heading)
                SearchTokenizer.Count(sections[i].Heading, counts);
            SearchTokenizer.Count(sections[i].Text, counts);
        }
        _entries[article] = new Entry(title, url, part, counts.ToTerms());
        _sections[article] = sections;
        var file = _fileOf[article];
        if (Interlocked.Decrement(ref _pending[file]) == 0) WritePassages(file);
    }

    private IEnumerable<int> ArticlesIn(int file)
    {
        var end = file + 1 < _firstOf.Count ? _firstOf[file + 1] : _sections.Length;
        return Enumerable.Range(_firstOf[file], end - _firstOf[file]);
    }

    /// <summary>A passage file: {article: [[anchor, heading, text], …], …}; the sections are dropped once written.</summary>
    private void WritePassages(int file)
    {
        var articles = ArticlesIn(file);
        ScriptFile.Write(Path.Combine(_output, Passages(file)), $"{Data}.passages[{file}]", (Articles: articles, Sections: _sections), static (json, data) =>
        {
            json.WriteStartObject();
            foreach (var article in data.Articles)
            {
                json.WriteStartArray(article.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var section in data.Sections[article]!)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(section.Anchor ?? "");
                    json.WriteStringValue(section.Heading);
                    json.WriteStringValue(section.Text);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        });
        if (!_updatable) foreach (var article in articles) _sections[article] = null;
    }

    /// <summary>
    /// An article's new text, once the whole index is written: rewrites its passage file, the term shards of the terms
    /// whose count in it changed (all of them when the shard count changes), and search-index.js for its title.
    /// </summary>
    public void Update(int article, string title, string url, string part, IReadOnlyList<Section> sections)
    {
        var old = _entries[article].Terms;
        _pending[_fileOf[article]]++;
        Add(article, title, url, part, sections);
        if (ShardCount() != _shardCount)
        {
            Write();
            return;
        }
        var terms = _entries[article].Terms;
        _shardsOf![article] = ShardsOf(terms, _shardCount);
        var wanted = new bool[_shardCount];
        Span<char> buffer = stackalloc char[2];
        var before = new Dictionary<int, int>(old.Chinese.Length / 2);
        for (var i = 0; i < old.Chinese.Length; i += 2) before[old.Chinese[i]] = old.Chinese[i + 1];
        for (var i = 0; i < terms.Chinese.Length; i += 2)
            if (!before.Remove(terms.Chinese[i], out var count) || count != terms.Chinese[i + 1])
                wanted[ShardOf(TermCounts.ChineseTerm(terms.Chinese[i], buffer), _shardCount)] = true;
        foreach (var key in before.Keys) wanted[ShardOf(TermCounts.ChineseTerm(key, buffer), _shardCount)] = true;
        var words = old.Words.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        foreach (var (term, count) in terms.Words)
            if (!words.Remove(term, out var was) || was != count) wanted[ShardOf(term, _shardCount)] = true;
        foreach (var term in words.Keys) wanted[ShardOf(term, _shardCount)] = true;
        if (wanted.Contains(true)) WriteShards(wanted, _shardCount);
        WriteIndex();
    }

    /// <summary>The shard of each of an article's terms, Chinese ones then words (a shard count fits in a byte).</summary>
    private static byte[] ShardsOf(ArticleTerms terms, int shardCount)
    {
        var shards = new byte[terms.Chinese.Length / 2 + terms.Words.Length];
        Span<char> buffer = stackalloc char[2];
        for (var i = 0; i < terms.Chinese.Length; i += 2) shards[i / 2] = (byte)ShardOf(TermCounts.ChineseTerm(terms.Chinese[i], buffer), shardCount);
        for (var i = 0; i < terms.Words.Length; i++) shards[terms.Chinese.Length / 2 + i] = (byte)ShardOf(terms.Words[i].Key, shardCount);
        return shards;
    }

    private int ShardCount()
    {
        var total = _entries.Sum(e => e.Terms.Chinese.Length / 2 + e.Terms.Words.Length);
        return Math.Clamp((total + PostingsPerShard - 1) / PostingsPerShard, 1, MaxShards);
    }

    /// <summary>Writes the term shards and search-index.js, once every article is added.</summary>
    public void Write()
    {
        var shardCount = _shardCount = ShardCount();
        _shardsOf = null; // of another shard count, if any
        var groups = Math.Min(shardCount, Environment.ProcessorCount);
        Parallel.For(0, groups, group => WriteShards([.. Enumerable.Range(0, shardCount).Select(k => k % groups == group)], shardCount));
        WriteIndex();
        // To update: each term's shard, so that gathering a few shards again does not hash every term of every article.
        if (_updatable) _shardsOf = [.. _entries.AsParallel().AsOrdered().Select(e => ShardsOf(e.Terms, shardCount))];
    }

    private void WriteIndex()
    {
        ScriptFile.Write(Path.Combine(_output, SiteUrls.SearchIndex), Data, (Entries: _entries, Shards: _shardCount, Files: _fileOf), static (json, index) =>
        {
            var parts = index.Entries.Select(e => e.Part).Distinct().ToList();
            json.WriteStartObject();
            json.WriteNumber("shards", index.Shards);
            json.WriteStartArray("parts");
            foreach (var part in parts) json.WriteStringValue(part);
            json.WriteEndArray();
            json.WriteStartArray("docs");
            foreach (var (article, entry) in index.Entries.Index())
            {
                json.WriteStartArray();
                json.WriteStringValue(entry.Title);
                json.WriteStringValue(entry.Url);
                json.WriteNumberValue(parts.IndexOf(entry.Part));
                json.WriteNumberValue(entry.Terms.Length);
                json.WriteNumberValue(index.Files[article]);
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

    /// <summary>
    /// Gathers and writes the shards wanted. Each call reads every article in order, so a term's postings come out in
    /// article order (they are written as gaps); calls for distinct shards can run in parallel.
    /// </summary>
    private void WriteShards(bool[] wanted, int shardCount)
    {
        var chinese = new Dictionary<int, List<int>>();
        var words = new Dictionary<string, List<int>>();
        Span<char> buffer = stackalloc char[2];
        for (var article = 0; article < _entries.Length; article++)
        {
            var terms = _entries[article].Terms;
            var shardOf = _shardsOf?[article];
            for (var i = 0; i < terms.Chinese.Length; i += 2)
            {
                var key = terms.Chinese[i];
                if (wanted[shardOf?[i / 2] ?? ShardOf(TermCounts.ChineseTerm(key, buffer), shardCount)])
                    AddPosting(chinese, key, article, terms.Chinese[i + 1]);
            }
            for (var i = 0; i < terms.Words.Length; i++)
            {
                var (term, count) = terms.Words[i];
                if (wanted[shardOf?[terms.Chinese.Length / 2 + i] ?? ShardOf(term, shardCount)]) AddPosting(words, term, article, count);
            }
        }

        var shards = new Dictionary<int, List<(string Term, List<int> Postings)>>();
        for (var k = 0; k < shardCount; k++) if (wanted[k]) shards[k] = [];
        foreach (var (key, postings) in chinese)
        {
            var term = TermCounts.ChineseTerm(key);
            shards[ShardOf(term, shardCount)].Add((term, postings));
        }
        foreach (var (term, postings) in words) shards[ShardOf(term, shardCount)].Add((term, postings));
        foreach (var (k, terms) in shards) ScriptFile.Write(Path.Combine(_output, Shard(k)), $"{Data}.terms[{k}]", terms, WriteTerms);
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
