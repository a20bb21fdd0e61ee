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

    /// <summary>
    /// L21's roster: eight columns of names, dates and categories need more than the page at 五号, and its longest date
    /// wrapped its 日. Set in 小五 with the long headers on two lines, the date column holds 2025年12月10日 as LibreOffice
    /// prints it: 8 digits (90 twips each), 4 characters (180), 5 small spaces (18, about a tenth of an em, measured)
    /// and the cell's margins (170).
    /// </summary>
    [Fact]
    public void A_table_too_crowded_for_the_page_is_set_small_and_keeps_its_dates_on_one_line()
    {
        var (package, blocks) = Convert("""
            <table><thead><tr><th>姓名</th><th>性别</th><th>入党日期</th><th>党员类别</th><th>所在党小组</th><th>工作岗位</th><th>党费计算基数（元）</th><th>在册状态</th></tr></thead>
            <tbody><tr><td>张建华</td><td>男</td><td>2008年6月20日</td><td>正式党员</td><td>第一党小组</td><td>项目党支部书记</td><td>9860.00</td><td>在职</td></tr>
            <tr><td>韩雪</td><td>女</td><td>2025年12月10日</td><td>预备党员</td><td>第三党小组</td><td>试验员</td><td>5480.00</td><td>流动外出</td></tr></tbody></table>
            """);
        using var _ = package;
        var table = Assert.IsType<Table>(Assert.Single(blocks));
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(grid.Sum(), package.TextWidthTwips - 8, package.TextWidthTwips);
        Assert.True(grid[2] >= 8 * 90 + 4 * 180 + 5 * 18 + 170, $"入党日期: {grid[2]} twips");
        var rows = table.Elements<TableRow>().ToList();
        Assert.All(rows[0].Descendants<ParagraphStyleId>(), s => Assert.Equal("TableHeaderSmall", s.Val!.Value));
        Assert.All(rows.Skip(1).SelectMany(r => r.Descendants<ParagraphStyleId>()), s => Assert.Equal("TableTextSmall", s.Val!.Value));
        // Short headers stay on one line at 小五 (180 twips a character).
        Assert.True(grid[7] >= 4 * 180 + 170, $"在册状态: {grid[7]} twips");
    }

    /// <summary>A table that fits at 五号, or whose every column is long text that wraps anyway, keeps TableText.</summary>
    [Theory]
    [InlineData("<tr><th>姓名</th><th>职务</th><th>联系日期</th></tr>", "<tr><td>张建华</td><td>支部书记</td><td>2026年5月6日</td></tr>")]
    [InlineData("<tr><th>任务</th><th>标准</th><th>检查情况</th><th>整改要求</th><th>完成情况</th><th>备注</th></tr>",
        "<tr><td>召开年度组织生活会，开展民主评议</td><td>五个环节齐全，整改清单公开</td><td>1月22日召开，整改清单9项</td><td>支部每月审阅把关，逐项销号</td><td>已完成4项，其余5项按期推进</td><td>整改清单在党员活动室公开</td></tr>")]
    public void A_table_that_fits_or_has_only_long_text_keeps_the_usual_size(string header, string row)
    {
        var (package, blocks) = Convert($"<table><thead>{header}</thead><tbody>{row}</tbody></table>");
        using var _ = package;
        var table = Assert.IsType<Table>(Assert.Single(blocks));
        Assert.All(table.Elements<TableRow>().Skip(1).SelectMany(r => r.Descendants<ParagraphStyleId>()), s => Assert.Equal("TableText", s.Val!.Value));
    }
}
