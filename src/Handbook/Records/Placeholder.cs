using Handbook.Model;

namespace Handbook.Records;

/// <summary>
/// The prompt an empty control shows (its placeholder): the field's help, else its label, else a fixed
/// prompt. The Word writer puts exactly this text into each control, and the validator reads a control
/// holding it as empty: once an office suite has dropped the placeholder flag or flattened the controls to
/// plain text, the text is all that is left to tell an empty control from a filled one.
/// </summary>
public static class Placeholder
{
    public const string Fallback = "请填写";

    /// <param name="row">The table row of a cell (1-based), 0 outside tables: the one place to make the prompt depend on it.</param>
    public static string For(Field field, int row) =>
        !string.IsNullOrWhiteSpace(field.Help) ? field.Help
        : !string.IsNullOrWhiteSpace(field.Label) ? field.Label
        : Fallback;

    /// <summary>
    /// Whether text read from a control is its prompt, white space aside (office suites and flattening
    /// re-space text; an empty or blank text is empty anyway).
    /// </summary>
    public static bool IsShown(Field field, int row, string text) => SameIgnoringSpace(For(field, row), text);

    private static bool SameIgnoringSpace(string prompt, string text)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return false;
        int i = 0, j = 0;
        while (true)
        {
            while (i < prompt.Length && char.IsWhiteSpace(prompt[i])) i++;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (i == prompt.Length || j == text.Length) return i == prompt.Length && j == text.Length;
            if (prompt[i++] != text[j++]) return false;
        }
    }
}
