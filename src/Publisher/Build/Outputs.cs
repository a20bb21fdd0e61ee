namespace Handbook.Publisher.Build;

/// <summary>Every output the build can write, in the order they are written.</summary>
internal static class Outputs
{
    public static IReadOnlyList<IOutput> All { get; } =
        [new FormsOutput(), new PrintedHandbookOutput(), new LedgersOutput(), new ScoringOutput()];
}
