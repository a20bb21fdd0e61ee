using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Handbook.Model;

namespace Handbook.Validator.Fixtures;

/// <summary>How a test record is made: the ways real records differ from a freshly filled form.</summary>
public sealed record RecordStyle
{
    /// <summary>Split every text into runs of one or two characters, as Word does after edits.</summary>
    public bool SplitRuns { get; init; }
    /// <summary>Keep w:tag and w:alias (LibreOffice 7.4 drops them on save).</summary>
    public bool Tags { get; init; } = true;
    /// <summary>False: no content controls at all, values as plain cell text (editors that flatten controls).</summary>
    public bool Controls { get; init; } = true;
    public bool Properties { get; init; } = true;
    public bool VisibleLine { get; init; } = true;
    /// <summary>The version the record claims; default the form's.</summary>
    public string? Version { get; init; }
}

/// <summary>
/// Writes a filled record the way the Word forms are made (the contract with src/Office/Word): title,
/// a 表单编号／版本 line, label cell → control cell rows, one table per table field, custom properties.
/// </summary>
public static class RecordBuilder
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

    public static byte[] Build(Form form, IReadOnlyDictionary<string, string> values, RecordStyle? style = null)
    {
        style ??= new RecordStyle();
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            using (var part = main.GetStream(FileMode.Create))
                WriteDocument(part, form, values, style);
            if (style.Properties)
            {
                var custom = package.AddCustomFilePropertiesPart();
                using var part = custom.GetStream(FileMode.Create);
                part.Write(Encoding.UTF8.GetBytes(CustomXml(form, style.Version ?? form.Version)));
            }
        }
        return stream.ToArray();
    }

    private static string CustomXml(Form form, string version)
    {
        static string Property(int pid, string name, string value) =>
            $"<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{pid}\" name=\"{name}\"><vt:lpwstr>{System.Security.SecurityElement.Escape(value)}</vt:lpwstr></property>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + Property(2, "HandbookFormId", form.Id) + Property(3, "HandbookFormVersion", version) + Property(4, "HandbookEdition", "2026年版")
            + "</Properties>";
    }

    private static void WriteDocument(Stream stream, Form form, IReadOnlyDictionary<string, string> values, RecordStyle style)
    {
        using var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        x.WriteStartElement("w", "document", W);
        x.WriteAttributeString("xmlns", "w14", null, W14);
        x.WriteStartElement("w", "body", W);
        Paragraph(x, form.Title, style);
        if (style.VisibleLine) Paragraph(x, $"表单编号：{form.Id}　版本：{style.Version ?? form.Version}", style);

        var open = false;
        foreach (var field in form.Fields)
        {
            if (field.Type == FieldType.Table)
            {
                if (open) x.WriteEndElement();
                open = false;
                Paragraph(x, field.Label, style);
                Table(x, field, values, style);
                continue;
            }
            if (!open) StartTable(x);
            open = true;
            x.WriteStartElement("w", "tr", W);
            Cell(x, () => Runs(x, field.Label, style));
            Cell(x, () => Control(x, field, field.Id, field.Label, values, style));
            x.WriteEndElement();
        }
        if (open) x.WriteEndElement();
        x.WriteStartElement("w", "sectPr", W);
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Table(XmlWriter x, Field table, IReadOnlyDictionary<string, string> values, RecordStyle style)
    {
        StartTable(x);
        x.WriteStartElement("w", "tr", W);
        foreach (var column in table.Columns) Cell(x, () => Runs(x, column.Label, style));
        x.WriteEndElement();
        for (var row = 1; row <= table.Rows; row++)
        {
            x.WriteStartElement("w", "tr", W);
            foreach (var column in table.Columns)
            {
                var key = $"{table.Id}.{row}.{column.Id}";
                Cell(x, () => Control(x, column, key, column.Label, values, style));
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void StartTable(XmlWriter x)
    {
        x.WriteStartElement("w", "tbl", W);
        x.WriteStartElement("w", "tblPr", W);
        x.WriteStartElement("w", "tblW", W);
        x.WriteAttributeString("w", "w", W, "5000");
        x.WriteAttributeString("w", "type", W, "pct");
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Cell(XmlWriter x, Action content)
    {
        x.WriteStartElement("w", "tc", W);
        x.WriteStartElement("w", "p", W);
        content();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Paragraph(XmlWriter x, string text, RecordStyle style)
    {
        x.WriteStartElement("w", "p", W);
        Runs(x, text, style);
        x.WriteEndElement();
    }

    /// <summary>The control(s) of one field, or (flattened) the text a user would see in their place.</summary>
    private static void Control(XmlWriter x, Field field, string key, string label, IReadOnlyDictionary<string, string> values, RecordStyle style)
    {
        if (field.Type == FieldType.Choices)
        {
            for (var n = 1; n <= field.Options.Length; n++)
            {
                var on = values.GetValueOrDefault($"{key}.{n}") == "1";
                if (style.Controls) Checkbox(x, $"{key}.{n}", $"{label}：{field.Options[n - 1]}", on, style);
                else Runs(x, on ? "☒" : "☐", style);
                Runs(x, field.Options[n - 1] + " ", style);
            }
            return;
        }
        var value = values.GetValueOrDefault(key);
        if (field.Type == FieldType.Checkbox)
        {
            if (style.Controls) Checkbox(x, key, label, value == "1", style);
            else Runs(x, value == "1" ? "☒" : "☐", style);
            return;
        }
        var isoDate = field.Type == FieldType.Date && value is not null
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var shown = value is null ? field.Help ?? "" : isoDate ? Chinese(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture)) : value;
        if (!style.Controls)
        {
            Runs(x, shown, style);
            return;
        }
        x.WriteStartElement("w", "sdt", W);
        x.WriteStartElement("w", "sdtPr", W);
        Properties(x, key, label, style);
        if (value is null) Empty(x, "showingPlcHdr");
        if (field.Type == FieldType.Date)
        {
            x.WriteStartElement("w", "date", W);
            if (isoDate) x.WriteAttributeString("w", "fullDate", W, value + "T00:00:00Z");
            x.WriteStartElement("w", "dateFormat", W);
            x.WriteAttributeString("w", "val", W, "yyyy年M月d日");
            x.WriteEndElement();
            x.WriteEndElement();
        }
        else if (field.Type == FieldType.Choice)
        {
            x.WriteStartElement("w", "dropDownList", W);
            foreach (var option in field.Options)
            {
                x.WriteStartElement("w", "listItem", W);
                x.WriteAttributeString("w", "displayText", W, option);
                x.WriteAttributeString("w", "value", W, option);
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteStartElement("w", "sdtContent", W);
        Runs(x, shown, style);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Checkbox(XmlWriter x, string key, string label, bool on, RecordStyle style)
    {
        x.WriteStartElement("w", "sdt", W);
        x.WriteStartElement("w", "sdtPr", W);
        Properties(x, key, label, style);
        x.WriteStartElement("w14", "checkbox", W14);
        x.WriteStartElement("w14", "checked", W14);
        x.WriteAttributeString("w14", "val", W14, on ? "1" : "0");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("w", "sdtContent", W);
        Runs(x, on ? "☒" : "☐", style);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Properties(XmlWriter x, string key, string label, RecordStyle style)
    {
        if (!style.Tags) return;
        x.WriteStartElement("w", "alias", W);
        x.WriteAttributeString("w", "val", W, label);
        x.WriteEndElement();
        x.WriteStartElement("w", "tag", W);
        x.WriteAttributeString("w", "val", W, key);
        x.WriteEndElement();
    }

    private static void Empty(XmlWriter x, string name)
    {
        x.WriteStartElement("w", name, W);
        x.WriteEndElement();
    }

    /// <summary>Runs for a text: lines separated by breaks; split into tiny runs when asked.</summary>
    private static void Runs(XmlWriter x, string text, RecordStyle style)
    {
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                x.WriteStartElement("w", "r", W);
                Empty(x, "br");
                x.WriteEndElement();
            }
            var line = lines[l];
            var size = style.SplitRuns ? 2 : Math.Max(line.Length, 1);
            for (var i = 0; i < line.Length; i += size)
            {
                x.WriteStartElement("w", "r", W);
                if (style.SplitRuns && i / size % 2 == 1)
                {
                    x.WriteStartElement("w", "rPr", W);
                    Empty(x, "b");
                    x.WriteEndElement();
                }
                x.WriteStartElement("w", "t", W);
                x.WriteAttributeString("xml", "space", null, "preserve");
                x.WriteString(line.Substring(i, Math.Min(size, line.Length - i)));
                x.WriteEndElement();
                x.WriteEndElement();
            }
        }
    }

    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
