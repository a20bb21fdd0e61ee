using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Handbook.Office.Word;

namespace Handbook.Tests.Word;

public class HtmlConverterTests
{
    private static readonly StyleSheet Sheet = StyleSheet.Load(TestRepository.Templates);

    private static (WordPackage Package, List<OpenXmlElement> Blocks) Convert(string html, ConverterOptions? options = null)
    {
        var package = new WordPackage(Sheet);
        return (package, new HtmlConverter(package, options ?? new ConverterOptions()).Convert(html));
    }

    [Fact]
    public void Colspan_and_rowspan_become_merged_cells_on_a_full_width_grid()
    {
        var (package, blocks) = Convert("""
            <table><colgroup><col width="20%"><col width="30%"><col></colgroup>
            <thead><tr><th rowspan="2">环节</th><th colspan="2">要求</th></tr><tr><th>内容</th><th>时限</th></tr></thead>
            <tbody><tr><td>准备</td><td>通知</td><td>三天</td></tr></tbody></table>
            """);
        using var _ = package;
        var table = Assert.IsType<Table>(Assert.Single(blocks));
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, grid.Count);
        Assert.InRange(grid.Sum(), package.TextWidthTwips - 3, package.TextWidthTwips);
        Assert.InRange(grid[0], package.TextWidthTwips * 20 / 100 - 2, package.TextWidthTwips * 20 / 100 + 2);
        Assert.InRange(grid[2], package.TextWidthTwips * 50 / 100 - 2, package.TextWidthTwips * 50 / 100 + 2);

        var rows = table.Elements<TableRow>().ToList();
        var first = rows[0].Elements<TableCell>().ToList();
        Assert.Equal(MergedCellValues.Restart, first[0].TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal(2, first[1].TableCellProperties!.GridSpan!.Val!.Value);
        var second = rows[1].Elements<TableCell>().ToList();
        Assert.Equal(3, second.Count);
        Assert.Equal(MergedCellValues.Continue, second[0].TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal(["", "内容", "时限"], second.Select(c => c.InnerText));
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Null(rows[2].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal("TableHeader", first[0].Descendants<ParagraphStyleId>().First().Val!.Value);
        Assert.Equal("TableText", rows[2].Descendants<ParagraphStyleId>().First().Val!.Value);
    }

    [Fact]
    public void Nested_lists_get_levels_and_each_ordered_list_restarts()
    {
        var (package, blocks) = Convert("""
            <ol start="3"><li>甲<ul><li>子项</li></ul></li><li><p>乙</p><p>续段</p></li></ol><ol><li>丙</li></ol>
            """);
        using var _ = package;
        var paragraphs = blocks.Cast<Paragraph>().ToList();
        Assert.Equal(["甲", "子项", "乙", "续段", "丙"], paragraphs.Select(p => p.InnerText));
        var numbering = paragraphs.Select(p => p.ParagraphProperties?.NumberingProperties).ToList();
        Assert.Equal(0, numbering[0]!.NumberingLevelReference!.Val!.Value);
        Assert.Equal(1, numbering[1]!.NumberingLevelReference!.Val!.Value);
        Assert.Null(numbering[3]); // a second paragraph of an item is indented, not numbered
        Assert.NotEqual(numbering[0]!.NumberingId!.Val!.Value, numbering[4]!.NumberingId!.Val!.Value);
        var instances = package.Main.NumberingDefinitionsPart!.Numbering.Elements<NumberingInstance>().ToList();
        var first = instances.Single(n => n.NumberID!.Value == numbering[0]!.NumberingId!.Val!.Value);
        Assert.Equal(3, first.GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value);
    }

    [Fact]
    public void Headings_emphasis_quotes_links_and_page_breaks()
    {
        var (package, blocks) = Convert("""
            <h2 id="做什么">做什么</h2>
            <p>按<strong>规定</strong>执行，
            见<em>说明</em>和<a href="https://example.com/a">网站</a>，<a href="#做什么">上文</a>。</p>
            <blockquote><p>引文</p></blockquote>
            <hr class="page-break">
            """, new ConverterOptions(AnchorScope: "R01", HeadingOffset: 1));
        using var _ = package;
        var paragraphs = blocks.Cast<Paragraph>().ToList();
        Assert.Equal("Heading3", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var bookmark = paragraphs[0].GetFirstChild<BookmarkStart>()!.Name!.Value;
        Assert.Equal(package.Bookmark("R01#做什么"), bookmark);

        // The line break between Chinese characters disappears, as in the browser.
        // A link inside the document prints as its text and the page of its target (on paper nobody clicks).
        var text = string.Concat(paragraphs[1].Descendants<Text>().Select(t => t.Text));
        Assert.Equal("按规定执行，见说明和网站，上文（第1页）。", text);
        Assert.Equal($" PAGEREF {bookmark} ", paragraphs[1].Descendants<FieldCode>().Single().Text);
        Assert.True(paragraphs[1].Descendants<Run>().Single(r => r.InnerText == "规定").RunProperties!.Bold is not null);
        Assert.True(paragraphs[1].Descendants<Run>().Single(r => r.InnerText == "说明").RunProperties!.Italic is not null);
        var link = paragraphs[1].Elements<Hyperlink>().Single();
        Assert.Equal(new Uri("https://example.com/a"), package.Main.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri);
        Assert.DoesNotContain(paragraphs[1].Descendants<RunStyle>(), s => s.Val == "Hyperlink" && s.Ancestors<Hyperlink>().Any() is false);

        Assert.Equal("Quote", paragraphs[2].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal(BreakValues.Page, paragraphs[3].Descendants<Break>().Single().Type!.Value);
    }

    [Fact]
    public void An_image_is_embedded_at_its_size()
    {
        var assets = Path.Combine(RepositoryPaths.Root, "tests/Office.Tests/Word/Fixtures/handbook/assets");
        var (package, blocks) = Convert("""<p><img src="flag.png" alt="党旗"></p>""", new ConverterOptions(ImageDir: assets));
        using var _ = package;
        var extent = blocks[0].Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal(40 * 9525L, extent.Cx!.Value);
        Assert.Equal(20 * 9525L, extent.Cy!.Value);
        Assert.Single(package.Main.ImageParts);
    }

    [Fact]
    public void A_missing_image_or_a_field_outside_a_form_is_a_clear_error()
    {
        var image = Assert.Throws<InvalidDataException>(() => Convert("""<img src="nope.png">""", new ConverterOptions(ImageDir: "/tmp")));
        Assert.Contains("找不到图片“nope.png”", image.Message, StringComparison.Ordinal);
        var field = Assert.Throws<InvalidDataException>(() => Convert("""<p><field name="x"></field></p>"""));
        Assert.Contains("<field name=\"x\">", field.Message, StringComparison.Ordinal);
    }
}
