using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Handbook.Model;
using Handbook.Rules;

namespace Handbook.Validator;

/// <summary>
/// What a <see cref="RecordValidator"/> reads of a handbook, as JSON: the forms with their fields and rules, the
/// scoring items with their articles' ids, and the grading bands. `publisher build` writes it into the site
/// (validator/handbook.json) and the browser validator reads it back, so that the browser parses no YAML or Markdown
/// and ships no parser of them. This class is the one writer and the one reader of that file.
/// </summary>
public static class ValidatorData
{
    private const string DateFormat = "yyyy-MM-dd";

    public static void Write(Utf8JsonWriter json, Book book)
    {
        json.WriteStartObject();
        json.WriteString("title", book.Info.Title);
        json.WriteString("organization", book.Info.Organization);
        json.WriteString("edition", book.Info.Edition);
        json.WriteString("language", book.Info.Language);
        WriteIf(json, "repository", book.Info.Repository);
        json.WriteStartArray("grading");
        foreach (var band in book.Info.Grading)
        {
            json.WriteStartObject();
            json.WriteString("grade", band.Grade);
            json.WriteNumber("min", band.Min);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("articles");
        foreach (var article in book.Articles.Where(a => a.Scoring.Length > 0))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id);
            json.WriteString("title", article.Title);
            json.WriteStartArray("scoring");
            foreach (var item in article.Scoring) WriteScoringItem(json, item);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("forms");
        foreach (var form in book.Forms) WriteForm(json, form);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The handbook as a validator sees it: its articles are only those with scoring items, with their id, title and
    /// items (no body, schedule or part); its metadata has the default vocabulary.
    /// </summary>
    /// <exception cref="JsonException">The data is not JSON of this shape.</exception>
    public static Book Read(ReadOnlyMemory<byte> data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            var grading = root.GetProperty("grading").EnumerateArray()
                .Select(b => new GradeBand(Required(b, "grade"), b.GetProperty("min").GetDecimal()));
            var info = new BookInfo(Required(root, "title"), Required(root, "organization"), Required(root, "edition"),
                Required(root, "language"), Optional(root, "repository"),
                [.. grading], Vocabulary.Default);
            var articles = root.GetProperty("articles").EnumerateArray().Select(a => new Article(
                Required(a, "id"), Required(a, "title"), 0, "", [], [], [.. a.GetProperty("scoring").EnumerateArray().Select(ReadScoringItem)],
                default, "", "", "", 0));
            var forms = root.GetProperty("forms").EnumerateArray().Select(ReadForm);
            return new Book("", info, [new Part(1, "", "", [.. articles])], [.. forms]);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or RuleException)
        {
            // A property missing or of the wrong kind: the file was not written by this class.
            throw new JsonException(e.Message, e);
        }
    }

    private static void WriteScoringItem(Utf8JsonWriter json, ScoringItem item)
    {
        json.WriteStartObject();
        json.WriteString("item", item.Item);
        json.WriteNumber("points", item.Points);
        json.WriteString("deduct", item.Deduct);
        if (item.Evidence is not null) json.WriteString("evidence", item.Evidence);
        json.WriteNumber("per_missing", item.PerMissing);
        json.WriteEndObject();
    }

    private static ScoringItem ReadScoringItem(JsonElement e) =>
        new(Required(e, "item"), e.GetProperty("points").GetDecimal(), Required(e, "deduct"))
        {
            Evidence = Optional(e, "evidence"),
            PerMissing = e.GetProperty("per_missing").GetDecimal(),
        };

    private static void WriteForm(Utf8JsonWriter json, Form form)
    {
        json.WriteStartObject();
        json.WriteString("id", form.Id);
        json.WriteString("title", form.Title);
        json.WriteString("version", form.Version);
        json.WriteString("article", form.Article);
        json.WriteString("period", form.Period.ToString());
        json.WriteString("path", form.Path);
        WriteIf(json, "layout", form.Layout);
        WriteIf(json, "unit_field", form.UnitField);
        WriteIf(json, "unit_level", form.UnitLevel);
        WriteIf(json, "date_field", form.DateField);
        json.WriteStartArray("fields");
        foreach (var field in form.Fields) WriteField(json, field);
        json.WriteEndArray();
        json.WriteStartArray("rules");
        foreach (var rule in form.Rules)
        {
            json.WriteStartObject();
            switch (rule)
            {
                case CheckRule check:
                    json.WriteString("check", check.Source);
                    break;
                case RequireRule require:
                    json.WriteString("when", require.Source);
                    json.WriteStartArray("require");
                    foreach (var id in require.Require) json.WriteStringValue(id);
                    json.WriteEndArray();
                    break;
            }
            WriteIf(json, "message", rule.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static Form ReadForm(JsonElement e) =>
        new(Required(e, "id"), Required(e, "title"), Required(e, "version"), Required(e, "article"),
            Enum.Parse<RecordPeriod>(Required(e, "period")), Optional(e, "layout"),
            [.. e.GetProperty("fields").EnumerateArray().Select(ReadField)],
            [.. e.GetProperty("rules").EnumerateArray().Select(ReadRule)],
            Required(e, "path"))
        {
            UnitField = Optional(e, "unit_field"),
            UnitLevel = Optional(e, "unit_level"),
            DateField = Optional(e, "date_field"),
        };

    /// <summary>A rule is kept as its source text and parsed again: the same parser as the loader's gives the same tree.</summary>
    private static Rule ReadRule(JsonElement e) => Optional(e, "check") is { } check
        ? new CheckRule(check, Required(e, "message"), ExpressionParser.Parse(check))
        : new RequireRule(Required(e, "when"), Optional(e, "message"), ExpressionParser.Parse(Required(e, "when")),
            [.. e.GetProperty("require").EnumerateArray().Select(r => r.GetString() ?? throw new JsonException("\"require\" holds a null"))]);

    private static void WriteField(Utf8JsonWriter json, Field field)
    {
        json.WriteStartObject();
        json.WriteString("id", field.Id);
        json.WriteString("label", field.Label);
        json.WriteString("type", field.Type.ToString());
        json.WriteBoolean("required", field.Required);
        WriteIf(json, "help", field.Help);
        WriteIf(json, "min", field.Min);
        WriteIf(json, "max", field.Max);
        WriteIf(json, "min_date", field.MinDate?.ToString(DateFormat, CultureInfo.InvariantCulture));
        WriteIf(json, "max_date", field.MaxDate?.ToString(DateFormat, CultureInfo.InvariantCulture));
        WriteIf(json, "min_length", field.MinLength);
        WriteIf(json, "max_length", field.MaxLength);
        WriteIf(json, "pattern", field.Pattern);
        if (field.Options.Length > 0)
        {
            json.WriteStartArray("options");
            foreach (var option in field.Options) json.WriteStringValue(option);
            json.WriteEndArray();
        }
        WriteIf(json, "min_count", field.MinCount);
        WriteIf(json, "max_count", field.MaxCount);
        if (field.Columns.Length > 0)
        {
            json.WriteStartArray("columns");
            foreach (var column in field.Columns) WriteField(json, column);
            json.WriteEndArray();
        }
        json.WriteNumber("min_rows", field.MinRows);
        json.WriteNumber("rows", field.Rows);
        json.WriteEndObject();
    }

    private static Field ReadField(JsonElement e) => new(
        Required(e, "id"),
        Required(e, "label"),
        Enum.Parse<FieldType>(Required(e, "type")),
        e.GetProperty("required").GetBoolean(),
        Optional(e, "help"),
        e.TryGetProperty("min", out var min) ? min.GetDecimal() : null,
        e.TryGetProperty("max", out var max) ? max.GetDecimal() : null,
        Optional(e, "min_date") is { } minDate ? DateOnly.ParseExact(minDate, DateFormat, CultureInfo.InvariantCulture) : null,
        Optional(e, "max_date") is { } maxDate ? DateOnly.ParseExact(maxDate, DateFormat, CultureInfo.InvariantCulture) : null,
        e.TryGetProperty("min_length", out var minLength) ? minLength.GetInt32() : null,
        e.TryGetProperty("max_length", out var maxLength) ? maxLength.GetInt32() : null,
        Optional(e, "pattern"),
        e.TryGetProperty("options", out var options) ? [.. options.EnumerateArray().Select(o => o.GetString() ?? throw new JsonException("\"options\" holds a null"))] : [],
        e.TryGetProperty("min_count", out var minCount) ? minCount.GetInt32() : null,
        e.TryGetProperty("max_count", out var maxCount) ? maxCount.GetInt32() : null,
        e.TryGetProperty("columns", out var columns) ? [.. columns.EnumerateArray().Select(ReadField)] : [],
        e.GetProperty("min_rows").GetInt32(),
        e.GetProperty("rows").GetInt32());

    private static string Required(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new JsonException($"\"{name}\" is null");

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static void WriteIf(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void WriteIf(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is not null) json.WriteNumber(name, value.Value);
    }

    private static void WriteIf(Utf8JsonWriter json, string name, int? value)
    {
        if (value is not null) json.WriteNumber(name, value.Value);
    }
}
