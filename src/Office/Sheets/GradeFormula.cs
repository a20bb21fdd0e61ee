using System.Globalization;
using Handbook.Model;

namespace Handbook.Office.Sheets;

/// <summary>The grading bands of handbook.yml as a spreadsheet formula, and as the text that explains them.</summary>
public static class GradeFormula
{
    /// <summary>Nested IFs from the highest band down: the grade of the first band whose minimum the total reaches; "" below every band.</summary>
    public static string For(IReadOnlyList<GradeBand> bands, string total)
    {
        var formula = "\"\"";
        foreach (var band in bands.OrderBy(b => b.Min))
            formula = $"IF({total}>={Number(band.Min)},\"{band.Grade}\",{formula})";
        return formula;
    }

    /// <summary>"95 分及以上", "80 分及以上、不足 95 分", … for each band, highest first.</summary>
    public static IEnumerable<(string Grade, string Range)> Ranges(IReadOnlyList<GradeBand> bands)
    {
        decimal? upper = null;
        foreach (var band in bands.OrderByDescending(b => b.Min))
        {
            var range = upper is null ? $"{Number(band.Min)} 分及以上" : band.Min <= 0 ? $"不足 {Number(upper.Value)} 分" : $"{Number(band.Min)} 分及以上、不足 {Number(upper.Value)} 分";
            yield return (band.Grade, range);
            upper = band.Min;
        }
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
