namespace Handbook.Loading;

/// <summary>
/// How an enum value is spelt in the source: its name in kebab case (HalfYear is “half-year”). One spelling serves a
/// form's `period` and a schedule's `every`, and the messages that list what is accepted.
/// </summary>
internal static class Spelling<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> Values = Enum.GetValues<T>().ToDictionary(v => Kebab(v.ToString()));

    public static string Of(T value) => Kebab(value.ToString());

    public static bool TryParse(string text, out T value) => Values.TryGetValue(text, out value);

    /// <summary>The accepted spellings, for a message: “day、week … 或 year”.</summary>
    public static string Choices => $"{string.Join("、", Values.Keys.SkipLast(1))} 或 {Values.Keys.Last()}";

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
