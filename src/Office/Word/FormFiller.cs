using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace Handbook.Office.Word;

/// <summary>
/// Fills the content controls of a form document as a user would: text typed over the placeholder, a
/// date picked (yyyy-MM-dd), a list entry chosen, a box ticked ("true"/"false"). Used to make filled
/// records for tests and examples.
/// </summary>
public static class FormFiller
{
    /// <param name="values">Value by control tag; a tag not in the document is an error.</param>
    public static byte[] Fill(byte[] docx, IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart?.Document.Body
                ?? throw new InvalidDataException("不是 Word 文档：缺少正文。");
            var seen = new HashSet<string>();
            foreach (var control in body.Descendants<SdtRun>())
            {
                var tag = control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
                if (tag is null || !values.TryGetValue(tag, out var value)) continue;
                Fill(control, tag, value);
                seen.Add(tag);
            }
            var unknown = values.Keys.Where(k => !seen.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"文档中没有这些控件：{string.Join("、", unknown)}", nameof(values));
        }
        return stream.ToArray();
    }

    internal static void Fill(SdtRun control, string tag, string value)
    {
        var properties = control.SdtProperties!;
        var content = control.SdtContentRun ?? control.AppendChild(new SdtContentRun());
        properties.GetFirstChild<ShowingPlaceholder>()?.Remove();
        content.RemoveAllChildren();
        if (properties.GetFirstChild<W14.SdtContentCheckBox>() is { } checkBox)
        {
            var isChecked = value.Trim() is "true" or "1" or "是" or "☒";
            checkBox.GetFirstChild<W14.Checked>()!.Val = isChecked ? W14.OnOffValues.One : W14.OnOffValues.Zero;
            content.Append(ContentControls.CheckRun(isChecked));
        }
        else if (properties.GetFirstChild<SdtContentDate>() is { } date)
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new ArgumentException($"控件 {tag} 的日期“{value}”应写成 yyyy-MM-dd。");
            date.FullDate = day.ToDateTime(TimeOnly.MinValue);
            content.Append(new Run(new Text(ContentControls.FormatDate(day))));
        }
        else if (properties.GetFirstChild<SdtContentDropDownList>() is { } list)
        {
            if (!list.Elements<ListItem>().Any(i => i.Value?.Value == value))
                throw new ArgumentException($"控件 {tag} 的下拉列表中没有“{value}”。");
            content.Append(new Run(new Text(value)));
        }
        else
        {
            var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var run = new Run();
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) run.Append(new Break());
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            content.Append(run);
        }
    }
}
