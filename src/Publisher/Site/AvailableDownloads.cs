namespace Handbook.Publisher.Site;

/// <summary>
/// The downloads the other outputs wrote into the staging folder. The site is written last and links only
/// files that exist, so it never links a download that this build did not produce.
/// </summary>
internal sealed class AvailableDownloads(string? staging)
{
    /// <summary>Every download counted as produced: for checking the templates, which then render every link.</summary>
    public static AvailableDownloads All { get; } = new(null);

    /// <summary>The link to a download (path segments escaped), or null when the file was not produced.</summary>
    public string? Url(string path) =>
        staging is null || File.Exists(Path.Combine(staging, path)) ? string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) : null;
}
