namespace Handbook.Rules;

/// <summary>The values a rule is evaluated against: one record's fields.</summary>
public interface IRuleContext
{
    /// <summary>The value of a top-level field; Empty when not filled in.</summary>
    RuleValue Field(string id);

    /// <summary>The number of filled rows of a table field.</summary>
    int RowCount(string table);

    DateOnly Today { get; }
}
