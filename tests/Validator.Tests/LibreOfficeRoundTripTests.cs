using Handbook.Tests;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>
/// Records filled, then opened and saved by LibreOffice (which drops every tag): converted once, in one
/// soffice run with its own profile, shared by the tests of this class.
/// </summary>
public sealed class LibreOfficeRoundTrip : IDisposable
{
    private readonly TempFolder folder = new();

    /// <summary>Name → (record before, record after the round trip).</summary>
    public Dictionary<string, (byte[] Before, byte[] After)> Records { get; } = [];

    public static Dictionary<string, byte[]> Originals()
    {
        var records = Book.Forms.ToDictionary(f => f.Id, f => Record(f.Id));
        records["F03-missing-host"] = Record("F03", v => v.Remove("host"));
        records["F03-too-many-present"] = Record("F03", v => v["present"] = "9");
        records["F03-short-content"] = Record("F03", v => v["content"] = "学习了文件。");
        records["F06-too-few-ticked"] = Record("F06", v => { v["preparation.2"] = "0"; v["preparation.3"] = "0"; });
        records["F03-no-speeches"] = Record("F03", v => { foreach (var k in v.Keys.Where(k => k.StartsWith("speeches.", StringComparison.Ordinal)).ToList()) v.Remove(k); });
        return records;
    }

    public LibreOfficeRoundTrip()
    {
        var originals = Originals();
        var input = Path.Combine(folder.Path, "in");
        var output = Path.Combine(folder.Path, "out");
        foreach (var (name, data) in originals) folder.Write(Path.Combine("in", name + ".docx"), data);
        var saved = LibreOffice.Convert([.. originals.Keys.Select(name => Path.Combine(input, name + ".docx"))], "docx", output);
        foreach (var (name, data) in originals) Records[name] = (data, File.ReadAllBytes(saved[Path.Combine(input, name + ".docx")]));
    }

    public void Dispose() => folder.Dispose();
}

public class LibreOfficeRoundTripTests(LibreOfficeRoundTrip roundTrip) : IClassFixture<LibreOfficeRoundTrip>
{
    public static TheoryData<string> Names() => [.. LibreOfficeRoundTrip.Originals().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_record_saved_by_LibreOffice_has_the_same_errors_and_says_its_tags_were_lost(string name)
    {
        var (before, after) = roundTrip.Records[name];
        var original = Validate(before);
        var saved = Validate(after);
        static string[] Errors(FileReport r) => [.. r.Findings.Where(f => f.IsError).Select(f => $"{f.Code} {f.Field} {f.Message}")];
        Assert.Equal(Errors(original), Errors(saved));
        Assert.Equal(original.Form, saved.Form);
        Assert.DoesNotContain("tags-lost", Codes(original));
        Assert.Contains("tags-lost", Codes(saved));
    }

    [Fact]
    public void The_round_trip_really_dropped_the_tags()
    {
        var after = roundTrip.Records["F03"].After;
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(after));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("<w:sdt>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<w:tag ", xml, StringComparison.Ordinal);
    }
}
