using Handbook.Model;

namespace Handbook.Records;

/// <summary>
/// The prompt an empty control shows (its placeholder): the field's help in the first row of a table (or
/// outside tables), else a blank of ideographic spaces (the label is beside the control or above its column
/// already, and a prompt repeated down every row only clutters the page). A drop-down's prompt names its options
/// (选择：白班／夜班) unless its help names them already: a form printed blank shows the prompt, never the list.
/// The Word writer puts exactly this text into each control, and the validator reads a control holding it as
/// empty: once an office suite has dropped the placeholder flag or flattened the controls to plain text, the
/// text is all that is left to tell an empty control from a filled one.
/// </summary>
public static class Placeholder
{
    /// <summary>
    /// Gives an empty control a width to click in; read back it is white space, so empty. Two spaces, not more: in
    /// the narrowest table columns (a roster's 性别, 7 mm inside) a longer blank wraps and makes every row two lines tall.
    /// </summary>
    public const string Blank = "　　";

    /// <param name="row">The table row of a cell (1-based), 0 outside tables.</param>
    public static string For(Field field, int row)
    {
        if (row > 1) return Blank;
        var help = string.IsNullOrWhiteSpace(field.Help) ? null : field.Help;
        if (field.Type == FieldType.Choice && (help is null || !field.Options.All(o => help.Contains(o, StringComparison.Ordinal)))
            && Options(field) is var options && options.Length <= (row == 0 ? MaxOptionsLength : MaxOptionsLengthInTable)) return options;
        return help ?? Blank;
    }

    /// <summary>
    /// The longest drop-down prompt that lists the options: what one takes in at a glance (four options of four
    /// characters); with more, or longer, options the prompt is the help.
    /// </summary>
    public const int MaxOptionsLength = 24;

    /// <summary>
    /// The same in a table's first row, whose narrow column (about as wide as the longest option) wraps the prompt:
    /// no taller than a help there (选择：通过／未通过).
    /// </summary>
    public const int MaxOptionsLengthInTable = 12;

    private static string Options(Field field) => "选择：" + string.Join("／", field.Options);

    /// <summary>
    /// Whether text read from a control is its prompt, white space aside (office suites and flattening
    /// re-space text; an empty or blank text is empty anyway). Forms made before the prompts above showed the
    /// help in every row and the label where there was no help: those still read as empty.
    /// </summary>
    public static bool IsShown(Field field, int row, string text) =>
        SameIgnoringSpace(For(field, row), text) || SameIgnoringSpace(field.Help, text) || SameIgnoringSpace(field.Label, text);

    private static bool SameIgnoringSpace(string? prompt, string text)
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
