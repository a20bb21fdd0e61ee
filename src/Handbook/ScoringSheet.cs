using Handbook.Model;

namespace Handbook;

/// <summary>
/// The contract of the form that is the self-check scoring sheet (对标自查评分表): the form whose layout is
/// scoring. Its Word layout prefills one row per scoring item of the handbook, and the validator checks a
/// filled one against the handbook's scoring items, by these field ids.
/// </summary>
public static class ScoringSheet
{
    public const string Layout = "scoring";
    public const string Table = "scores";
    public const string Item = "item";
    public const string Points = "points";
    public const string SelfScore = "self_score";
    public const string Reason = "reason";
    public const string Total = "total";
    public const string Grade = "grade";

    public static bool Is(Form form) => form.Layout == Layout;

    /// <summary>How a scoring item is named on the sheets: its article's id, then the item.</summary>
    public static string ItemName(Article article, ScoringItem item) => $"{article.Id} {item.Item}";
}
