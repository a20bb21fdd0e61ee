using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace Handbook.Tests.Word;

/// <summary>What a test reads back from a form document: its controls in order, with their values.</summary>
internal static class WordReader
{
    public sealed record ReadControl(string? Tag, string? Alias, FormSamples.Kind Kind, string Text, bool Placeholder,
        bool? Checked, DateTime? Date, SdtElement Element);

    public static List<ReadControl> Controls(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<SdtElement>().Select(Read).ToList();

    private static ReadControl Read(SdtElement sdt)
    {
        var properties = sdt.SdtProperties!;
        var checkBox = properties.GetFirstChild<W14.SdtContentCheckBox>();
        var date = properties.GetFirstChild<SdtContentDate>();
        var kind = checkBox is not null ? FormSamples.Kind.CheckBox
            : date is not null ? FormSamples.Kind.Date
            : properties.GetFirstChild<SdtContentDropDownList>() is not null ? FormSamples.Kind.DropDown
            : FormSamples.Kind.RichText;
        var content = sdt.Elements().First(e => e.LocalName == "sdtContent");
        var text = string.Concat(content.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break => "\n",
            TabChar => "\t",
            _ => "",
        }));
        return new ReadControl(
            properties.GetFirstChild<Tag>()?.Val?.Value,
            properties.GetFirstChild<SdtAlias>()?.Val?.Value,
            kind,
            text,
            properties.GetFirstChild<ShowingPlaceholder>() is not null,
            checkBox?.GetFirstChild<W14.Checked>()?.Val?.Value is { } v ? v == W14.OnOffValues.One || v == W14.OnOffValues.True : null,
            date?.FullDate?.Value,
            sdt);
    }
}
