using System.Text.RegularExpressions;
using Handbook.Model;

namespace Handbook.Validator.Checking;

/// <summary>
/// The compiled `pattern` of every field of a handbook's forms, built once by whoever validates with the handbook
/// (no static cache that grows with every handbook a server has loaded). Read-only after construction: thread-safe.
/// </summary>
public sealed class FieldPatterns
{
    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    public FieldPatterns(Book book)
    {
        foreach (var field in book.Forms.SelectMany(f => f.Fields).SelectMany(f => f.Columns.Prepend(f)))
        {
            if (field.Pattern is { } pattern && !patterns.ContainsKey(pattern))
                patterns[pattern] = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Whether the whole text matches; a match that takes too long (a hostile value) does not.</summary>
    public bool Matches(string pattern, string text)
    {
        try
        {
            return patterns[pattern].IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
