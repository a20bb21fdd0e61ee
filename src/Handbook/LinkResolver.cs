namespace Handbook;

/// <summary>Where a relative link points: a path relative to the root with '/' separators, and its fragment.</summary>
/// <param name="Path">The target file, unescaped ("" is never returned: a bare "#x" points to the linking file).</param>
/// <param name="Anchor">The fragment unescaped, without '#'; null when the link has none.</param>
/// <param name="Fragment">The fragment as written, with its '#', or "" (for rewriting the link without re-escaping).</param>
public sealed record LinkTarget(string Path, string? Anchor, string Fragment);

/// <summary>
/// The one rule for links in articles, pages and the printed handbook: what is external, and where a relative link
/// points. Resolution works on the '/'-separated text of the path, never through the file system, so it gives the
/// same answer on Windows (where <c>Path.GetFullPath</c> would produce <c>C:\…</c>) and accepts '\' as a separator.
/// </summary>
public static class LinkResolver
{
    /// <summary>
    /// A link with a scheme (<c>http:</c>, <c>https:</c>, <c>mailto:</c>, <c>data:</c>, <c>tel:</c>, …) or a
    /// protocol-relative <c>//host/…</c>. A single letter before ':' is a Windows drive, not a scheme: such a link is
    /// local (and then reported missing).
    /// </summary>
    public static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith(@"\\", StringComparison.Ordinal)) return true;
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(url[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(url[i]) && url[i] is not ('+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>
    /// The target of a relative <paramref name="url"/> written in the file <paramref name="from"/> (both relative to
    /// the same root); a query is dropped. Null when the link is external or climbs above the root.
    /// </summary>
    public static LinkTarget? Resolve(string from, string url)
    {
        if (IsExternal(url)) return null;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : url[hash..];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var file = hash < 0 ? url : url[..hash];
        var query = file.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) file = file[..query];
        if (file.Length == 0) return new LinkTarget(Normalize(from) ?? from, anchor, fragment);
        file = Uri.UnescapeDataString(file).Replace('\\', '/');
        var fromPath = from.Replace('\\', '/');
        var directory = file.StartsWith('/') ? "" : fromPath[..(fromPath.LastIndexOf('/') + 1)];
        return Normalize(directory + file) is { Length: > 0 } path ? new LinkTarget(path, anchor, fragment) : null;
    }

    /// <summary>Drops "." and empty segments and applies ".."; null when ".." climbs above the root.</summary>
    private static string? Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment != "..") segments.Add(segment);
            else if (segments.Count == 0) return null;
            else segments.RemoveAt(segments.Count - 1);
        }
        return string.Join('/', segments);
    }
}
