namespace Handbook.Tests;

public class LinkResolverTests
{
    [Theory]
    [InlineData("http://example.org/a.md")]
    [InlineData("https://example.org/")]
    [InlineData("HTTPS://EXAMPLE.ORG/")]
    [InlineData("mailto:dangban@example.org")]
    [InlineData("tel:010-12345678")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("ftp://example.org/x")]
    [InlineData("//cdn.example.org/x.js")]
    public void Urls_with_a_scheme_or_a_host_are_external_and_not_resolved(string url)
    {
        Assert.True(LinkResolver.IsExternal(url));
        Assert.Null(LinkResolver.Resolve("第一部分/a.md", url));
    }

    [Theory]
    [InlineData("b.md")]
    [InlineData("../b.md")]
    [InlineData("#anchor")]
    [InlineData(@"C:\handbook\b.md")] // a drive letter is no scheme: a local link, reported missing by the checks
    [InlineData("b.md?x=1:2")]
    public void Relative_links_are_local(string url) => Assert.False(LinkResolver.IsExternal(url));

    [Theory]
    [InlineData("part1/a.md", "b.md", "part1/b.md")]
    [InlineData("part1/a.md", "./b.md", "part1/b.md")]
    [InlineData("part1/a.md", "../part2/b.md", "part2/b.md")]
    [InlineData("part1/sub/a.md", "../../b.md", "b.md")]
    [InlineData("part1/a.md", "./x/./../b.md", "part1/b.md")]
    [InlineData("part1/a.md", "/part2/b.md", "part2/b.md")]
    [InlineData("a.md", "my%20file.md", "my file.md")]
    [InlineData("第一部分/a.md", "../第二部分/组织生活.md", "第二部分/组织生活.md")]
    [InlineData("第一部分/a.md", "%E7%BB%84%E7%BB%87.md", "第一部分/组织.md")]
    [InlineData("part1/a.md", @"..\part2\b.md", "part2/b.md")]
    [InlineData(@"part1\sub\a.md", @"..\..\part2\b.md", "part2/b.md")]
    [InlineData("part1/a.md", "b.md?v=2", "part1/b.md")]
    public void A_relative_link_resolves_against_the_folder_of_its_file(string from, string url, string path)
    {
        var target = LinkResolver.Resolve(from, url);
        Assert.NotNull(target);
        Assert.Equal(path, target.Path);
        Assert.Null(target.Anchor);
        Assert.Equal("", target.Fragment);
    }

    [Fact]
    public void Anchors_are_unescaped_and_the_fragment_kept_as_written()
    {
        var target = LinkResolver.Resolve("第一部分/a.md", "../第二部分/b.md#%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE");
        Assert.Equal(new LinkTarget("第二部分/b.md", "三会一课", "#%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE"), target);
        Assert.Equal(new LinkTarget("第一部分/a.md", "会议", "#会议"), LinkResolver.Resolve("第一部分/a.md", "#会议"));
        Assert.Equal(new LinkTarget("a.md", "", "#"), LinkResolver.Resolve("a.md", "#"));
    }

    [Theory]
    [InlineData("a.md", "../b.md")]
    [InlineData("part1/a.md", "../../b.md")]
    [InlineData(@"part1\a.md", @"..\..\b.md")]
    [InlineData("part1/a.md", "..")]
    public void A_link_above_the_root_resolves_to_nothing(string from, string url) => Assert.Null(LinkResolver.Resolve(from, url));
}
