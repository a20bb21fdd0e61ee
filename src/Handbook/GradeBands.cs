using System.Globalization;
using Handbook.Model;

namespace Handbook;

/// <summary>
/// The one wording of the grading bands of handbook.yml, used by the forms, the site and the sheets alike (the
/// articles of the default handbook word their band tables the same way): "95分及以上", "80分及以上、不足95分", "不足60分".
/// </summary>
public static class GradeBands
{
    /// <summary>Each band's grade and range, highest first.</summary>
    public static IEnumerable<(string Grade, string Range)> Ranges(IReadOnlyList<GradeBand> bands)
    {
        decimal? upper = null;
        foreach (var band in bands.OrderByDescending(b => b.Min))
        {
            var range = upper is null ? $"{Number(band.Min)}分及以上"
                : band.Min <= 0 ? $"不足{Number(upper.Value)}分"
                : $"{Number(band.Min)}分及以上、不足{Number(upper.Value)}分";
            yield return (band.Grade, range);
            upper = band.Min;
        }
    }

    /// <summary>All bands in one sentence: "优秀为95分及以上，合格为80分及以上、不足95分，…".</summary>
    public static string Sentence(IReadOnlyList<GradeBand> bands) =>
        string.Join("，", Ranges(bands).Select(r => $"{r.Grade}为{r.Range}"));

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
