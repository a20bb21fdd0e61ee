using System.Collections.Immutable;
using Handbook.Rules;

namespace Handbook.Model;

/// <summary>A record type: the fields a unit fills in and the rules its values must hold.</summary>
public sealed record Form(
    string Id,
    string Title,
    string Version,
    string Article,
    RecordPeriod Period,
    string? Layout,
    ImmutableArray<Field> Fields,
    ImmutableArray<Rule> Rules,
    string Path)
{
    public Field? FindField(string id) => Fields.FirstOrDefault(f => f.Id == id);

    /// <summary>The field that names the unit a record belongs to (`unit:` on the field), if the form has one.</summary>
    public string? UnitField { get; init; }

    /// <summary>The level of unit that fills the form in (`unit: 党小组`), or null when any unit does (`unit: true`).</summary>
    public string? UnitLevel { get; init; }

    /// <summary>The date field a record is placed in a period by: the form's `date:`, else its first required date.</summary>
    public string? DateField { get; init; }

    /// <summary>
    /// A title as a record is identified by it when it carries no form id: without white space (a title line may be
    /// spaced out). The loader reports two forms with the same key, so that a title names one form.
    /// </summary>
    public static string TitleKey(string title) => string.Concat(title.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>How often a record is filled in: once a calendar period, or once a meeting or an event.</summary>
public enum RecordPeriod { Day, Week, Month, Quarter, HalfYear, Year, Meeting, Event }

public enum FieldType { Text, Textarea, Date, Integer, Number, Choice, Choices, Checkbox, Person, People, Table }

/// <summary>A field of a form; for a table, Columns are its column fields.</summary>
public sealed record Field(
    string Id,
    string Label,
    FieldType Type,
    bool Required,
    string? Help,
    decimal? Min,
    decimal? Max,
    DateOnly? MinDate,
    DateOnly? MaxDate,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    ImmutableArray<string> Options,
    int? MinCount,
    int? MaxCount,
    ImmutableArray<Field> Columns,
    int MinRows,
    int Rows);

/// <summary>A cross-field rule of a form.</summary>
public abstract record Rule(string Source, string? Message);

/// <summary>`check: expr` — the expression must hold.</summary>
public sealed record CheckRule(string Source, string Message, Expression Check) : Rule(Source, Message);

/// <summary>`when: expr, require: [fields]` — when the condition holds, the fields must be filled.</summary>
public sealed record RequireRule(string Source, string? Message, Expression When, ImmutableArray<string> Require)
    : Rule(Source, Message);
