using Handbook.Publisher.Site;

namespace Handbook.Tests.Site;

public class SearchTokenizerTests
{
    [Fact]
    public void Chinese_runs_give_overlapping_bigrams_and_words_stay_whole()
    {
        Assert.Equal(["三会", "会一", "一课", "f03", "党小", "小组"], SearchTokenizer.Tokens("“三会一课”（F03）党小组"));
    }

    [Fact]
    public void A_lone_chinese_character_is_its_own_term()
    {
        Assert.Equal(["会", "2026"], SearchTokenizer.Tokens("会 2026"));
    }
}
