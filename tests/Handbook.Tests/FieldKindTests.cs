using Handbook.Model;
using Handbook.Rules;

namespace Handbook.Tests;

public class FieldKindTests
{
    [Fact]
    public void Every_field_type_has_a_kind_and_keeps_its_name_in_the_source_format()
    {
        Assert.Equal(Enum.GetValues<FieldType>(), FieldKind.All.Select(k => k.Type));
        Assert.Equal(["text", "textarea", "date", "integer", "number", "choice", "choices", "checkbox", "person", "people", "table"],
            FieldKind.All.Select(k => k.Name));
    }

    [Fact]
    public void A_kind_says_its_constraints_and_its_type_in_rules()
    {
        Assert.Equal(["min_length", "max_length", "pattern"], FieldKind.Of(FieldType.Text).ConstraintKeys.AsEnumerable());
        Assert.Empty(FieldKind.Of(FieldType.Checkbox).ConstraintKeys);
        Assert.Equal(RuleType.List, FieldKind.Of(FieldType.Choices).RuleType);
        Assert.Equal(RuleType.Number, FieldKind.Of(FieldType.Integer).RuleType);
    }
}
