using System.Globalization;
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
            x.WriteAttributeString("classname", file.Form?.Id ?? "未识别");
            x.WriteAttributeString("name", file.Path);
            var errors = file.Findings.Where(f => f.IsError).ToList();
            if (errors.Count > 0)
            {
                x.WriteStartElement("failure");
                x.WriteAttributeString("type", errors[0].Code);
                x.WriteAttributeString("message", $"{errors.Count} 个错误：{errors[0].Message}");
                x.WriteString(string.Join("\n", errors.Select(e => $"[{e.Code}] {e.Message}")));
                x.WriteEndElement();
            }
            var warnings = file.Findings.Where(f => !f.IsError).ToList();
            if (warnings.Count > 0)
                x.WriteElementString("system-out", string.Join("\n", warnings.Select(e => $"警告 [{e.Code}] {e.Message}")));
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }
}
