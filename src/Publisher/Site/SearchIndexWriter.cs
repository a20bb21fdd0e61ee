using System.Text.Encodings.Web;
using System.Text.Json;

namespace Handbook.Publisher.Site;

/// <summary>A page as the search index knows it: its title, URL, part and sections.</summary>
internal sealed record SearchDocument(string Title, string Url, string Part, IReadOnlyList<Section> Sections);

/// <summary>
/// Writes the client-side search index as a script (a JSON file cannot be fetched from a page opened from
/// disk). Shape: docs [title, url, part]; passages [doc, anchor, heading, text]; terms {term: [passage, count, …]}.
/// </summary>
internal static class SearchIndexWriter
{
    public static void Write(string path, IReadOnlyList<SearchDocument> documents)
    {
        var passages = documents
            .SelectMany((d, doc) => d.Sections.Select(s => (Doc: doc, Section: s)))
            .ToList();
        var counts = new TermCounts[passages.Count];
        Parallel.For(0, passages.Count, p =>
        {
            var section = passages[p].Section;
            counts[p] = new TermCounts();
            SearchTokenizer.Count(section.Heading, counts[p]);
            SearchTokenizer.Count(section.Text, counts[p]);
        });
        var chinese = Postings(counts, c => c.Chinese);
        var words = Postings(counts, c => c.Words);

        using var stream = File.Create(path);
        stream.Write("window.HANDBOOK_SEARCH="u8);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("docs");
            foreach (var d in documents)
            {
                json.WriteStartArray();
                json.WriteStringValue(d.Title);
                json.WriteStringValue(d.Url);
                json.WriteStringValue(d.Part);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("passages");
            foreach (var (doc, section) in passages)
            {
                json.WriteStartArray();
                json.WriteNumberValue(doc);
                json.WriteStringValue(section.Anchor ?? "");
                json.WriteStringValue(section.Heading);
                json.WriteStringValue(section.Text);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartObject("terms");
            foreach (var (term, postings) in chinese) WritePostings(json, TermCounts.ChineseTerm(term), postings);
            foreach (var (term, postings) in words) WritePostings(json, term, postings);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stream.Write(";\n"u8);
    }

    /// <summary>Each term's postings: the passages it occurs in, each followed by its count there.</summary>
    private static Dictionary<T, List<int>> Postings<T>(TermCounts[] counts, Func<TermCounts, Dictionary<T, int>> terms) where T : notnull
    {
        var postings = new Dictionary<T, List<int>>();
        for (var p = 0; p < counts.Length; p++)
        {
            foreach (var (term, count) in terms(counts[p]))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(p);
                list.Add(count);
            }
        }
        return postings;
    }

    private static void WritePostings(Utf8JsonWriter json, string term, List<int> postings)
    {
        json.WriteStartArray(term);
        foreach (var n in postings) json.WriteNumberValue(n);
        json.WriteEndArray();
    }
}
