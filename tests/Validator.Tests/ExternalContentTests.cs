using System.Globalization;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>External relationships: hyperlinks are fine, local templates and links warned of, content fetched from elsewhere refused.</summary>
public class ExternalContentTests
{
    private static readonly byte[] Valid = Record("F03");

    [Theory]
    [InlineData(@"file:///C:\Users\Administrator\AppData\Roaming\kingsoft\office6\templates\download\a1b2\Normal.dotm")]
    [InlineData(@"file:///C:\Program%20Files\Microsoft%20Office\Templates\1049")]
    [InlineData(@"C:\Users\张伟\AppData\Roaming\Microsoft\Templates\Normal.dotm")]
    [InlineData("Normal.dotm")]
    [InlineData("file://localhost/Users/zhang/Templates/Normal.dotm")]
    public void A_local_attached_template_is_only_a_warning_and_the_record_stays_valid(string target)
    {
        var report = Validate(HostileFiles.AttachedTemplate(Valid, target));
        Assert.Equal(["local-template"], Codes(report));
        Assert.True(report.Valid);
        Assert.Equal("F03", report.Form?.Id);
    }

    [Theory]
    [InlineData("http://attacker.example/template.dotm")]
    [InlineData("https://attacker.example/t.dotm")]
    [InlineData(@"\\fileserver\share\template.dotm")]
    [InlineData("file://fileserver/share/template.dotm")]
    [InlineData("file:////fileserver/share/template.dotm")]
    [InlineData("mhtml:http://attacker.example/x.html!x")]
    public void A_remote_attached_template_is_remote_content_and_the_values_are_still_checked(string target)
    {
        var report = Validate(HostileFiles.AttachedTemplate(Record("F03", v => v.Remove("host")), target));
        Assert.Equal(["remote-content", "required-missing"], Codes(report).Order());
        Assert.False(report.Valid);
        Assert.Contains(target, report.Findings.Single(f => f.Code == "remote-content").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_remote_linked_images_are_one_finding_with_their_count()
    {
        var report = Validate(HostileFiles.Linked(Valid, "image", 68, "https://images.example/pixel"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("remote-content", finding.Code);
        Assert.Contains("68 个外部链接图片", finding.Message, StringComparison.Ordinal);
        Assert.Contains("https://images.example/pixel1 等", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_linked_to_local_files_are_one_warning_with_their_count()
    {
        var report = Validate(HostileFiles.Linked(Valid, "image", 12, @"file:///D:\照片\会议"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("linked-content", false), (finding.Code, finding.IsError));
        Assert.Contains("12 个外部链接图片", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_and_local_content_of_several_kinds_is_a_finding_per_kind()
    {
        var record = HostileFiles.Linked(HostileFiles.Linked(HostileFiles.AttachedTemplate(Valid, "Normal.dotm"), "image", 3, "http://x.example/a"), "oleObject", 2, @"\\server\share\b");
        Assert.Equal(["local-template", "remote-content", "remote-content"], Codes(Validate(record)).Order());
    }

    [Fact]
    public void External_hyperlinks_are_fine()
    {
        Assert.Empty(Validate(HostileFiles.Linked(Valid, "hyperlink", 5, "https://www.example.org/")).Findings);
    }

    [Fact]
    public void A_very_long_target_is_shortened_in_the_message()
    {
        var target = "http://attacker.example/" + new string('a', 100_000);
        var finding = Validate(HostileFiles.AttachedTemplate(Valid, target)).Findings.Single();
        Assert.Equal("remote-content", finding.Code);
        Assert.True(finding.Message.Length < 400, finding.Message.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("http://a.example/x", true)]
    [InlineData("HTTPS://a.example/x", true)]
    [InlineData("ftp://a.example/x", true)]
    [InlineData(@"\\server\share\x", true)]
    [InlineData("//server/share/x", true)]
    [InlineData("file://server/share/x", true)]
    [InlineData(@"  C:\x\y.dotm", false)]
    [InlineData("file:///C:/x/y.dotm", false)]
    [InlineData("file:C:/x", false)]
    [InlineData("../templates/x.dotm", false)]
    [InlineData("", false)]
    public void Remote_targets_are_told_from_local_ones(string target, bool remote)
    {
        Assert.Equal(remote, ExternalContent.IsRemote(target));
    }
}
