namespace Handbook.Records;

/// <summary>
/// The alias (w:alias, the title Word shows on a control) of each control: the field's label; for a cell,
/// 表格第n行列; for an option of a choices field, 标签：选项. The validator recovers a control whose tag an
/// office suite dropped from its alias, and names the place of a finding the same way.
/// </summary>
public static class ControlAlias
{
    private const char OptionSeparator = '：';

    public static string Option(string label, string option) => $"{label}{OptionSeparator}{option}";

    public static string Cell(string tableLabel, int row, string columnLabel) => $"{tableLabel}第{row}行{columnLabel}";

    /// <summary>Splits an alias into the label and, for an option's control, the option (else null).</summary>
    public static (string Label, string? Option) Split(string alias)
    {
        var separator = alias.IndexOf(OptionSeparator, StringComparison.Ordinal);
        return separator < 0 ? (alias, null) : (alias[..separator], alias[(separator + 1)..].Trim());
    }
}
