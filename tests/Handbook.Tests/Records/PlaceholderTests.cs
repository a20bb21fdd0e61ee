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

    /// <summary>
    /// A drop-down printed blank shows its prompt, never its list (issue 16 item 4: F18 季度, the station's 班次): the
    /// prompt names the options, in a table's first row only and when they are short, unless the help names them itself
    /// (a rule such as the grading bands stays) or they are too many to take in at a glance (the help then).
    /// </summary>
    [Fact]
    public void A_drop_downs_prompt_names_its_options()
    {
        var kind = Field("kind");
        Assert.Equal("选择：学习／议事／组织生活", Placeholder.For(kind, row: 0));
        Assert.Equal("选择：学习／议事", Placeholder.For(kind with { Options = ["学习", "议事"], Help = "选择会议的类型" }, row: 1));
        Assert.Equal("选择会议的类型", Placeholder.For(kind with { Help = "选择会议的类型" }, row: 1)); // too long for a table's column
        Assert.Equal(Placeholder.Blank, Placeholder.For(kind, row: 2));
        Assert.Equal("选择学习、议事或组织生活", Placeholder.For(kind with { Help = "选择学习、议事或组织生活" }, row: 0));
        var many = kind with { Options = ["集中讲授", "专题辅导", "现场教学", "视频党课", "微党课"], Help = "选择授课形式" };
        Assert.Equal("选择授课形式", Placeholder.For(many, row: 0));
        Assert.Equal(Placeholder.Blank, Placeholder.For(many with { Help = null }, row: 0));
        // Read back, the prompt is empty; a chosen option is not.
        Assert.True(Placeholder.IsShown(kind, row: 0, "选择：学习／议事／组织生活"));
        Assert.False(Placeholder.IsShown(kind, row: 0, "议事"));
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
