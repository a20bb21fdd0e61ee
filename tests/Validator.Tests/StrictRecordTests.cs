using System.IO.Compression;
using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>A record saved as "Strict Open XML Document" is identified, read and checked like the record it was.</summary>
public class StrictRecordTests
{
    public static TheoryData<string> Cases() => ["valid", "host-missing", "rule-failed", "tags-dropped", "flattened", "scoring-sheet", "properties-only"];

    private static byte[] Make(string name) => name switch
    {
        "valid" => Record("F03"),
        "host-missing" => Record("F03", v => v.Remove("host")),
        "rule-failed" => Record("F03", v => v["review_date"] = "2025-01-01"),
        "tags-dropped" => Record("F05", edit: RecordEdits.DropTags),
        "flattened" => Record("F08", edit: RecordEdits.FlattenControls),
        "scoring-sheet" => Record("F18", v => v.Remove(v.Keys.First(k => k.EndsWith(".self_score", StringComparison.Ordinal)))),
        // Identified by its custom properties alone: without them its version would be unknown.
        "properties-only" => Record("F03", edit: RecordEdits.RemoveVisibleLine),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_strict_record_gets_the_same_findings_and_values_as_the_transitional_one(string name)
    {
        var transitional = Make(name);
        var strict = StrictOpenXml.Convert(transitional);
        var (before, valuesBefore) = TestHandbook.Validator.Read("record.docx", transitional);
        var (after, valuesAfter) = TestHandbook.Validator.Read("record.docx", strict);

        Assert.NotNull(after.Form);
        Assert.Equal(before.Form, after.Form);
        Assert.Equal(before.Findings, after.Findings);
        Assert.Equal(valuesBefore!.All.OrderBy(p => p.Key), valuesAfter!.All.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_converted_record_is_strict()
    {
        using var zip = new ZipArchive(new MemoryStream(StrictOpenXml.Convert(Record("F03"))));
        foreach (var part in new[] { "word/document.xml", "_rels/.rels", "docProps/custom.xml" })
        {
            using var reader = new StreamReader(zip.GetEntry(part)!.Open());
            var xml = reader.ReadToEnd();
            Assert.Contains("http://purl.oclc.org/ooxml/", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("http://schemas.openxmlformats.org/officeDocument/", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("http://schemas.openxmlformats.org/wordprocessingml/", xml, StringComparison.Ordinal);
        }
    }
}
