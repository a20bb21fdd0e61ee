using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>Every broken or malicious input is refused with its own code and a Chinese message, never an exception.</summary>
public class SafeOpeningTests
{
    private static readonly byte[] Valid = Record("F03");

    public static TheoryData<string, string> Cases() => new()
    {
        { "empty", "empty-file" },
        { "not-a-zip", "not-a-docx" },
        { "truncated", "corrupt-package" },
        { "legacy-doc", "legacy-doc-format" },
        { "encrypted", "encrypted" },
        { "zip-bomb", "zip-bomb" },
        { "external-entity", "dtd-prohibited" },
        { "oversized-part", "part-too-large" },
        { "no-main-document", "no-main-document" },
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Made = new();

    /// <summary>The hostile file of that name (made once: the bomb and the oversized part take a moment).</summary>
    public static byte[] Make(string name) => Made.GetOrAdd(name, Build);

    private static byte[] Build(string name) => name switch
    {
        "empty" => HostileFiles.Empty(),
        "not-a-zip" => HostileFiles.NotAZip(),
        "truncated" => HostileFiles.Truncated(Valid),
        "legacy-doc" => HostileFiles.LegacyDoc(),
        "encrypted" => HostileFiles.Encrypted(),
        "zip-bomb" => HostileFiles.ZipBomb(Valid),
        "external-entity" => HostileFiles.ExternalEntity(Valid),
        "oversized-part" => HostileFiles.OversizedPart(Valid),
        "no-main-document" => HostileFiles.NoMainDocument(),
        "macros" => HostileFiles.WithMacros(Valid),
        "remote-template" => HostileFiles.RemoteTemplate(Valid),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_file_that_cannot_be_read_safely_is_refused_with_its_code(string name, string code)
    {
        var report = Validate(Make(name));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(code, finding.Code);
        Assert.True(finding.IsError);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", finding.Message);
        Assert.Null(report.Form);
    }

    [Theory]
    [InlineData("macros", "macros-present")]
    [InlineData("remote-template", "remote-content")]
    public void A_risky_but_readable_record_is_flagged_and_its_values_still_checked(string name, string code)
    {
        var report = Validate(Make(name));
        Assert.Equal([code], Codes(report));
        Assert.False(report.Valid);
        Assert.Equal("F03", report.Form?.Id);
    }

    [Fact]
    public void The_remote_template_address_is_named()
    {
        var report = Validate(Make("remote-template"));
        Assert.Contains("http://attacker.example/template.dotm", report.Findings[0].Message, StringComparison.Ordinal);
    }
}
