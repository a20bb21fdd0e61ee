using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// Checks every local href and src in the written pages, whether it came from a chapter or a template:
/// the file must exist in the staging folder and a #fragment must be an id in the target page. Pages are
/// read as they are written (from memory, not back from disk); the check runs when every file is in place.
/// </summary>
internal sealed partial class SiteLinkChecker
{
    // Starts at the attribute name, not the whitespace before it: the search can then skip ahead to the next h, s or i.
    [GeneratedRegex(@"(?<=\s)(?:href|src|id)=""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    private readonly ConcurrentDictionary<string, List<string>> _links = new();
    private readonly ConcurrentDictionary<string, HashSet<string>> _ids = new();
    /// <summary>
    /// One string per distinct link or id: most repeat from page to page (the navigation, the headings), and thousands
    /// of pages' copies kept until the check would be garbage the collector copies from generation to generation.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _strings = new();

    /// <summary>Records a page's links and ids; thread-safe.</summary>
    public void Add(string page, string html)
    {
        var links = new List<string>();
        var ids = new HashSet<string>();
        foreach (var match in Attribute().EnumerateMatches(html)) // no Match objects: thousands of pages have many attributes
        {
            var attribute = html.AsSpan(match.Index, match.Length);
            var quote = attribute.IndexOf('"');
            var value = Value(attribute[(quote + 1)..^1]);
            if (attribute[0] == 'i') ids.Add(value);
            else links.Add(value);
        }
        _links[page] = links;
        _ids[page] = ids;
    }

    private string Value(ReadOnlySpan<char> text)
    {
        if (text.Contains('&')) return WebUtility.HtmlDecode(text.ToString());
        var strings = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (strings.TryGetValue(text, out var value)) return value;
        value = text.ToString();
        return _strings.GetOrAdd(value, value);
    }

    public void Check(string staging)
    {
        var exists = new ConcurrentDictionary<string, bool>(_links.Keys.Select(p => KeyValuePair.Create(p, true)));
        bool Exists(string target) => exists.GetOrAdd(target, t => File.Exists(Path.Combine(staging, t)));
        var problems = _links.Keys.Order(StringComparer.Ordinal).AsParallel().AsOrdered()
            .SelectMany(page => _links[page].Distinct()
                .Select(link => (Link: link, Problem: Problem(page, link, Exists, _ids)))
                .Where(x => x.Problem is not null)
                .Select(x => $"网站页面 {page}：链接“{x.Link}”{x.Problem}"))
            .ToList();
        if (problems.Count > 0)
            throw new BuildException(string.Join('\n', problems.Take(50)) +
                $"\n网站有 {problems.Count} 个失效链接（章节或模板中），生成失败。");
    }

    private static string? Problem(string page, string link, Func<string, bool> exists, ConcurrentDictionary<string, HashSet<string>> ids)
    {
        if (link.Length == 0) return "为空";
        if (LinkResolver.IsExternal(link)) return null;
        var target = LinkResolver.Resolve(page, link);
        if (target is null || !exists(target.Path)) return "指向的文件不存在";
        if (target.Anchor is not { Length: > 0 } fragment) return null;
        if (!ids.TryGetValue(target.Path, out var targetIds)) return null; // not a page: a fragment means nothing to check
        return targetIds.Contains(fragment) ? null : $"指向的锚点“#{fragment}”在 {target.Path} 中不存在";
    }
}
