using Handbook.Loading;
using Handbook.Model;
using Handbook.Records;

namespace Handbook.Tests.Records;

public class PlaceholderTests
{
    private static readonly Form Form = BookLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "minimal")).Book!.FindForm("F01")!;

    private static Field Field(string id) => Form.FindField(id)!;

    [Fact]
    public void The_prompt_is_the_help_in_the_first_row_else_blank_never_the_label()
    {
        Assert.Equal("选择会议日期", Placeholder.For(Field("meeting_date"), row: 0));
        Assert.Equal("填写姓名", Placeholder.For(Field("attendance").Columns[0] with { Help = "填写姓名" }, row: 1));
        Assert.Equal(Placeholder.Blank, Placeholder.For(Field("attendance").Columns[0] with { Help = "填写姓名" }, row: 2));
        Assert.Equal(Placeholder.Blank, Placeholder.For(Field("group_name"), row: 0));
        Assert.True(string.IsNullOrWhiteSpace(Placeholder.Blank));
    }

    [Fact]
    public void The_prompts_of_earlier_forms_still_read_as_empty()
    {
        Assert.True(Placeholder.IsShown(Field("meeting_date"), row: 3, "选择会议日期"));
        Assert.True(Placeholder.IsShown(Field("group_name"), row: 0, "党小组名称"));
    }

    [Theory]
    [InlineData("党小组名称", true)]
    [InlineData(" 党小组 名称\n", true)]
    [InlineData("党小组名称：一组", false)]
    [InlineData("一组党小组", false)]
    [InlineData("", false)]
    public void Text_is_the_prompt_when_it_is_the_prompt_white_space_aside(string text, bool shown)
    {
        Assert.Equal(shown, Placeholder.IsShown(Field("group_name"), row: 0, text));
    }
}
