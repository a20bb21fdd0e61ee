using System.Xml;
using Handbook.Validator.Extraction;

namespace Handbook.Validator.Tests;

public class DocumentScannerTests
{
    private const string Open = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w:body>";
    private const string Close = "</w:body></w:document>";

    private static ScannedDocument Scan(string xml) => DocumentScanner.Scan(XmlReader.Create(new StringReader(xml)));

    [Fact]
    public void Text_is_joined_across_runs_with_tabs_breaks_and_paragraphs_and_deleted_text_left_out()
    {
        var document = Scan(Open + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>标签</w:t></w:r></w:p></w:tc><w:tc><w:p><w:sdt><w:sdtPr><w:tag w:val=\"a&amp;b\"/></w:sdtPr><w:sdtContent>"
            + "<w:r><w:t>第</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">一 </w:t><w:tab/><w:t>&lt;行&#x4E2D;&#25991;</w:t><w:br/><w:t><![CDATA[二]]></w:t></w:r>"
            + "<w:del><w:r><w:delText>删去的</w:delText></w:r></w:del></w:sdtContent></w:sdt></w:p><w:p><w:r><w:t>续</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" + Close);
        var control = Assert.Single(document.Controls);
        Assert.Equal(("a&b", "第一 \t<行中文\n二"), (control.Tag, control.Text));
        Assert.Equal((0, 0, 1), (control.Table, control.Row, control.Cell));
        Assert.Equal([["标签", "第一 \t<行中文\n二\n续"]], document.Tables[0]);
    }

    [Fact]
    public void Checkbox_date_and_placeholder_states_are_read_whatever_the_prefixes()
    {
        var document = Scan("<document xmlns=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:m=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:x=\"http://schemas.microsoft.com/office/word/2010/wordml\"><body>"
            + "<sdt><sdtPr><x:checkbox><x:checked x:val=\"1\"/></x:checkbox></sdtPr><sdtContent><r><t>☒</t></r></sdtContent></sdt>"
            + "<sdt><sdtPr><date m:fullDate=\"2026-03-05T00:00:00Z\"/></sdtPr><sdtContent><r><t>2026年3月5日</t></r></sdtContent></sdt>"
            + "<sdt><sdtPr><showingPlcHdr/></sdtPr><sdtContent><r><t>填写地点</t></r></sdtContent></sdt></body></document>");
        Assert.Equal((ControlKind.Checkbox, true), (document.Controls[0].Kind, document.Controls[0].Checked));
        Assert.Equal((ControlKind.Date, "2026-03-05T00:00:00Z"), (document.Controls[1].Kind, document.Controls[1].DateValue));
        Assert.True(document.Controls[2].ShowingPlaceholder);
    }
}
