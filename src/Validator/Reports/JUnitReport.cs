using System.Globalization;
using System.Text;
using System.Xml;
using Handbook.Validator.Running;

namespace Handbook.Validator.Reports;

/// <summary>JUnit XML for CI systems: one test case per file, failing with its errors; warnings go to system-out.</summary>
public static class JUnitReport
{
    public static void Write(RunReport run, TextWriter writer)
    {
        using var x = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true });
        x.WriteStartElement("testsuites");
        x.WriteStartElement("testsuite");
        x.WriteAttributeString("name", "记录检查");
        x.WriteAttributeString("tests", run.Files.Count.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("failures", run.InvalidFiles.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("errors", "0");
        x.WriteAttributeString("time", run.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        foreach (var file in run.Files)
        {
            x.WriteStartElement("testcase");
            x.WriteAttributeString("classname", Xml(file.Form?.Id ?? "未识别"));
            x.WriteAttributeString("name", Xml(file.Path));
            var errors = file.Findings.Where(f => f.IsError).ToList();
            if (errors.Count > 0)
            {
                x.WriteStartElement("failure");
                x.WriteAttributeString("type", errors[0].Code);
                x.WriteAttributeString("message", Xml($"{errors.Count} 个错误：{errors[0].Message}"));
                x.WriteString(Xml(string.Join("\n", errors.Select(e => $"[{e.Code}] {e.Message}"))));
                x.WriteEndElement();
            }
            var warnings = file.Findings.Where(f => !f.IsError).ToList();
            if (warnings.Count > 0)
                x.WriteElementString("system-out", Xml(string.Join("\n", warnings.Select(e => $"警告 [{e.Code}] {e.Message}"))));
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>
    /// The text with what XML 1.0 cannot hold replaced by U+FFFD: control characters (a zip entry's name may
    /// have them) and halves of surrogate pairs (a value cut short); the writer would throw on them.
    /// </summary>
    private static string Xml(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) clean.Append(text, i++, 2);
            else clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }
}
