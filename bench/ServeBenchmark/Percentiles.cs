namespace Handbook.ServeBenchmark;

internal static class Percentiles
{
    /// <summary>The value below which the given share of the values lie (nearest rank).</summary>
    public static double Of(IReadOnlyCollection<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
