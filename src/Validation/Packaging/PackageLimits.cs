namespace Handbook.Validator.Packaging;

/// <summary>
/// Caps applied before anything is decompressed or parsed, so that a hostile file can cost neither
/// unbounded memory nor unbounded time. The defaults are far above any real record (a filled form is
/// tens of kilobytes; with photos pasted in, a few megabytes).
/// </summary>
public sealed record PackageLimits
{
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;
    public int MaxEntries { get; init; } = 2000;
    /// <summary>Uncompressed size of one XML part that is read (document.xml, properties, relationships).</summary>
    public long MaxPartBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Declared uncompressed size of all entries together.</summary>
    public long MaxTotalBytes { get; init; } = 256 * 1024 * 1024;
    /// <summary>Uncompressed : compressed ratio above which an entry of at least RatioFloorBytes is a bomb.</summary>
    public int MaxRatio { get; init; } = 100;
    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    public static PackageLimits Default { get; } = new();
}
