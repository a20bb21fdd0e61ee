using Handbook.Records;

namespace Handbook.Tests.Records;

public class ControlKeyTests
{
    [Fact]
    public void A_field_key_is_the_field_id()
    {
        Assert.True(ControlKey.TryParse("meeting_date", out var key));
        Assert.Equal((ControlKeyShape.Field, "meeting_date", 0, 0, ""), (key.Shape, key.Field.ToString(), key.Number, key.Row, key.Column.ToString()));
        Assert.Equal("meeting_date", key.ToString());
    }

    [Theory]
    [InlineData("topics", 1)]
    [InlineData("preparation", 12)]
    public void An_option_key_reads_back_as_written(string field, int number)
    {
        var text = ControlKey.Option(field, number);
        Assert.Equal($"{field}.{number}", text);
        Assert.True(ControlKey.TryParse(text, out var key));
        Assert.Equal((ControlKeyShape.Option, field, number, 0, ""), (key.Shape, key.Field.ToString(), key.Number, key.Row, key.Column.ToString()));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("speeches", 1, "speaker")]
    [InlineData("scores", 100, "self_score")]
    [InlineData("t", int.MaxValue, "c")]
    public void A_cell_key_reads_back_as_written(string table, int row, string column)
    {
        var text = ControlKey.Cell(table, row, column);
        Assert.Equal($"{table}.{row}.{column}", text);
        Assert.True(ControlKey.TryParse(text, out var key));
        Assert.Equal((ControlKeyShape.Cell, table, row, row, column), (key.Shape, key.Field.ToString(), key.Number, key.Row, key.Column.ToString()));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a..b")]
    [InlineData(".1")]
    [InlineData("a.")]
    [InlineData("t.0.c")]
    [InlineData("t.-1.c")]
    [InlineData("t.+1.c")]
    [InlineData("t. 1.c")]
    [InlineData("t.1 .c")]
    [InlineData("t.１.c")]
    [InlineData("t.99999999999.c")]
    [InlineData("t.2147483648.c")]
    [InlineData("t.1.")]
    [InlineData("t.1.c.d")]
    [InlineData("t.x.c")]
    [InlineData("f.0")]
    [InlineData("f.x")]
    public void Anything_else_is_no_key(string? text)
    {
        Assert.False(ControlKey.TryParse(text, out _));
    }
}
