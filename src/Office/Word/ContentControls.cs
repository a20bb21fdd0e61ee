using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace Handbook.Office.Word;

/// <summary>
/// The inline content controls of a form. Text-like fields are rich-text controls, never plain-text
/// (w:text) ones: LibreOffice returns plain-text controls tripled after an open-and-save. Controls carry
/// no w:id (Word assigns one): LibreOffice 7.4 turns the id and alias of a control that shares its
/// paragraph with others into an extra block-level control around the whole cell.
/// </summary>
public static class ContentControls
{
    public const string DateFormat = "yyyy年M月d日";
    private const string Unchecked = "☐";
    private const string Checked = "☒";
    private const string CheckFont = "MS Gothic";

    public static SdtRun RichText(string tag, string alias, string placeholder) =>
        Control(tag, alias, placeholder, null);

    public static SdtRun Date(string tag, string alias, string placeholder, string language) =>
        Control(tag, alias, placeholder, new SdtContentDate(
            new DateFormat { Val = DateFormat },
            new LanguageId { Val = language },
            new SdtDateMappingType { Val = DateFormatValues.DateTime },
            new DocumentFormat.OpenXml.Wordprocessing.Calendar { Val = CalendarValues.Gregorian }));

    public static SdtRun DropDown(string tag, string alias, string placeholder, IEnumerable<string> options) =>
        Control(tag, alias, placeholder, new SdtContentDropDownList(
            options.Select(o => new ListItem { DisplayText = o, Value = o })));

    public static SdtRun CheckBox(string tag, string alias)
    {
        var properties = Properties(tag, alias, showingPlaceholder: false);
        properties.Append(new W14.SdtContentCheckBox(
            new W14.Checked { Val = W14.OnOffValues.Zero },
            new W14.CheckedState { Val = "2612", Font = CheckFont },
            new W14.UncheckedState { Val = "2610", Font = CheckFont }));
        return new SdtRun(properties, new SdtContentRun(CheckRun(false)));
    }

    /// <summary>The box symbol a checkbox control shows.</summary>
    public static Run CheckRun(bool isChecked) => new(
        new RunProperties(new RunFonts { Ascii = CheckFont, HighAnsi = CheckFont, EastAsia = CheckFont, Hint = FontTypeHintValues.EastAsia }),
        new Text(isChecked ? Checked : Unchecked));

    /// <summary>How a date is shown in a filled date control: 2026年3月5日.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static SdtRun Control(string tag, string alias, string placeholder, OpenXmlElement? type)
    {
        var properties = Properties(tag, alias, showingPlaceholder: true);
        if (type is not null) properties.Append(type);
        return new SdtRun(properties, new SdtContentRun(new Run(
            new RunProperties(new RunStyle { Val = "PlaceholderText" }),
            new Text(placeholder))));
    }

    private static SdtProperties Properties(string tag, string alias, bool showingPlaceholder)
    {
        // Schema order: alias, tag, lock, showingPlcHdr, then the control type.
        var properties = new SdtProperties(
            new SdtAlias { Val = alias },
            new Tag { Val = tag },
            new DocumentFormat.OpenXml.Wordprocessing.Lock { Val = LockingValues.SdtLocked });
        if (showingPlaceholder) properties.Append(new ShowingPlaceholder());
        return properties;
    }
}
