using Handbook.Publisher.Site;

namespace Handbook.Publisher.Build;

/// <summary>Every output the build can write: the downloads (written side by side), then the site.</summary>
internal static class Outputs
{
    /// <summary>The site comes last: it links the downloads the other outputs wrote before it.</summary>
    public static IReadOnlyList<IOutput> All { get; } =
        [new FormsOutput(), new PrintedHandbookOutput(), new LedgersOutput(), new ScoringOutput(), new RemindersOutput(), new SiteOutput()];
}
