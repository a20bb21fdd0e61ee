using System.Collections.Concurrent;

namespace Handbook.Loading;

/// <summary>
/// The article files a load read and parsed, kept for the next load of the same handbook, which then parses again only
/// the files changed since (by write time and length, and those named to <see cref="Forget"/>): `serve` loads the
/// handbook on every save, and parsing thousands of unchanged articles again would be most of the time.
/// </summary>
public sealed class ArticleCache
{
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, ArticleSource Source)> _sources = new(StringComparer.Ordinal);

    /// <summary>Files known to have changed (a file watcher's events): read again even if their time and length look the same.</summary>
    public void Forget(IEnumerable<string> fullPaths)
    {
        foreach (var path in fullPaths) _sources.TryRemove(path, out _);
    }

    internal ArticleSource Read(string fullPath)
    {
        var info = new FileInfo(fullPath);
        var (written, length) = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (default, -1);
        if (_sources.TryGetValue(fullPath, out var cached) && cached.Written == written && cached.Length == length) return cached.Source;
        var source = ArticleSource.Read(fullPath);
        _sources[fullPath] = (written, length, source);
        return source;
    }
}
