using System.Globalization;
using Handbook.Model;

namespace Handbook.Office.Sheets;

/// <summary>The grading bands of handbook.yml as a spreadsheet formula (GradeBands words them).</summary>
public static class GradeFormula
{
    /// <summary>What the grade cell of a sheet not yet filled in shows: a blank sheet has no grade.</summary>
    public const string NotFinished = "未评完";

    /// <summary>The grade, or <see cref="NotFinished"/> while <paramref name="unfinished"/> holds.</summary>
    public static string UnlessUnfinished(string unfinished, IReadOnlyList<GradeBand> bands, string total) =>
        $"IF({unfinished},\"{NotFinished}\",{For(bands, total)})";

    /// <summary>Nested IFs from the highest band down: the grade of the first band whose minimum the total reaches; "" below every band.</summary>
    public static string For(IReadOnlyList<GradeBand> bands, string total)
    {
        var formula = "\"\"";
        foreach (var band in bands.OrderBy(b => b.Min))
            formula = $"IF({total}>={Number(band.Min)},\"{band.Grade}\",{formula})";
        return formula;
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
