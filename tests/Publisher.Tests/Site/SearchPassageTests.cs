using Handbook.Loading;
using Handbook.Publisher.Site;

namespace Handbook.Tests.Site;

/// <summary>The search passages of an article with a table (R19's training modules): a row reads as its own passage.</summary>
public sealed class SearchPassageTests
{
    [Fact]
    public void Each_table_row_is_a_passage_of_column_headers_and_cells_not_run_into_the_text()
    {
        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var article = book.Articles.Single(a => a.Id == "R19");

        var sections = new ArticleRenderer(book).Render(article).Sections;

        var rows = sections.Where(s => s.Text.StartsWith("模块：", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("模块：组织活动方法；主要内容：如何确定会议主题、主持讨论、开展批评和自我批评、组织主题党日分会场；参考学时：3", rows[1].Text);
        // The row is a passage of the section it is in: a result links to that section's heading.
        var section = sections.First(s => s.Text.Contains("培训内容", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal((section.Anchor, section.Heading), (r.Anchor, r.Heading)));
        Assert.DoesNotContain(sections, s => s.Text.Contains("模块 主要内容", StringComparison.Ordinal) || s.Text.Contains("职责与标准 党小组长", StringComparison.Ordinal));
        // The text around the table is still there, in its own passage.
        Assert.Contains(sections, s => s.Text.Contains("培训方式", StringComparison.Ordinal) && !s.Text.StartsWith("模块", StringComparison.Ordinal));
    }
}
