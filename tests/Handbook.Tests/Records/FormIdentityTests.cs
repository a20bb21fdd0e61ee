using Handbook.Loading;
using Handbook.Records;

namespace Handbook.Tests.Records;

public class FormIdentityTests
{
    [Theory]
    [InlineData("F03", "2026.1")]
    [InlineData("F-12", "2027.10")]
    public void The_code_line_reads_back_as_written(string id, string version)
    {
        Assert.Equal(new FormIdentity(id, version), FormIdentity.FromCodeLine(FormIdentity.CodeLine(id, version)));
    }

    [Theory]
    [InlineData("表单编号：F03　版本：2026.1")]
    [InlineData("表单编号：F03 版本：2026.1")]
    [InlineData("表单编号：F03\u00A0\u00A0版本：2026.1")]
    [InlineData("表单编号：F03\t版本：2026.1")]
    [InlineData("表单编号：F03版本：2026.1")]
    [InlineData("表单编号: F03  版本: 2026.1")]
    [InlineData("表 单 编 号 ： F03 　 版 本 ： 2026.1")]
    [InlineData("表单编号：Ｆ０３　版本：２０２６．１")]
    [InlineData("表单编号：F03，版本：2026.1")]
    [InlineData("  表单编号：F03　版本：2026.1　（带 * 的为必填项）")]
    [InlineData("表单编号：F03　版本：2026.1（带 * 的为必填项）")]
    public void The_code_line_as_office_suites_and_people_respace_it_still_reads(string line)
    {
        Assert.Equal(new FormIdentity("F03", "2026.1"), FormIdentity.FromCodeLine(line));
    }

    [Fact]
    public void A_line_without_version_gives_the_id_alone()
    {
        Assert.Equal(new FormIdentity("F03", null), FormIdentity.FromCodeLine("表单编号：F03"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("党小组会议记录")]
    [InlineData("表单编号：")]
    [InlineData("表单编号：（空）")]
    [InlineData("版本：2026.1")]
    public void Text_without_a_code_line_gives_none(string text)
    {
        Assert.Null(FormIdentity.FromCodeLine(text));
    }

    [Fact]
    public void Properties_are_read_by_the_names_they_are_written_with()
    {
        using var fixture = new FixtureHandbook();
        var book = BookLoader.Load(fixture.Root).Book!;
        var written = FormIdentity.Properties(book.FindForm("F01")!, book.Info);
        Assert.Equal(
            [("HandbookFormId", "F01"), ("HandbookFormVersion", "2026.1"), ("HandbookEdition", "2026年版")],
            written);
        var read = FormIdentity.FromProperties(written.ToDictionary(p => p.Name, p => p.Value));
        Assert.Equal(new FormIdentity("F01", "2026.1"), read);
    }

    [Fact]
    public void Blank_or_missing_properties_are_unknown()
    {
        Assert.Equal(new FormIdentity(null, null), FormIdentity.FromProperties(new Dictionary<string, string>()));
        Assert.Equal(new FormIdentity("F03", null),
            FormIdentity.FromProperties(new Dictionary<string, string> { [FormIdentity.IdProperty] = " F03 ", [FormIdentity.VersionProperty] = " " }));
    }
}
