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

    [Fact]
    public void Key_table_counts_like_a_dictionary_through_growth_and_clearing()
    {
        var random = new Random(7);
        var counts = new KeyTable();
        for (var round = 0; round < 2; round++)
        {
            var expected = new Dictionary<int, int>();
            for (var n = 0; n < 50_000; n++)
            {
                // Keys like bigrams and lone characters (low half 0), 10,000 distinct: the table grows past its first size.
                var key = (0x4e00 + random.Next(100)) << 16 | (random.Next(4) == 0 ? 0 : 0x4e00 + random.Next(100));
                counts.ValueRef(key)++;
                expected[key] = expected.GetValueOrDefault(key) + 1;
            }
            Assert.Equal(expected.Count, counts.Count);
            Assert.Equal(expected.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)), counts.OrderBy(p => p.Key));
            counts.Clear();
            Assert.Empty(counts);
        }
    }
}
