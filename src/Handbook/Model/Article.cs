using System.Collections.Immutable;

namespace Handbook.Model;

/// <summary>One article: front matter plus its Markdown body.</summary>
/// <param name="Path">Path of the source file relative to the handbook root, with '/' separators.</param>
/// <param name="BodyLine">1-based line in the source file where the Markdown body starts.</param>
/// <param name="Body">
/// The Markdown, kept as text: each writer parses it with <see cref="ArticleMarkdown.Pipeline"/> when it renders the
/// article. Keeping thousands of parsed trees from loading to writing costs the garbage collector about as much time as
/// parsing again, and memory besides (5,000 chapters: peak 400 MB kept, 280 MB parsed again).
/// </param>
public sealed record Article(
    string Id,
    string Title,
    int Order,
    string Owner,
    ImmutableArray<string> Forms,
    ImmutableArray<ScheduleItem> Schedule,
    ImmutableArray<ScoringItem> Scoring,
    DateOnly Revised,
    string Part,
    string Path,
    string Body,
    int BodyLine);

/// <summary>A recurring task of an article (何时做).</summary>
/// <param name="By">Who does it; the article's owner when the source does not say.</param>
public sealed record ScheduleItem(string Task, Recurrence Every, Due Due, string By)
{
    /// <summary>The form of the record the task produces (`form:`), one per period; null when it produces none.</summary>
    public string? Form { get; init; }
}

public enum Recurrence { Day, Week, Month, Quarter, HalfYear, Year }

/// <summary>
/// When a task is due within its period. Month counts months within the period (1-based; 0 when the
/// period is a day, week or month); Day is the day of that month, or the weekday 1–7 for weekly tasks;
/// 0 means the end of the period.
/// </summary>
public sealed record Due(int Month, int Day)
{
    public static readonly Due EndOfPeriod = new(0, 0);
}

/// <summary>A line of the self-check scoring standard (做到什么程度).</summary>
public sealed record ScoringItem(string Item, decimal Points, string Deduct)
{
    /// <summary>The form whose records the item rests on (`evidence:`), so points follow what a unit submitted.</summary>
    public string? Evidence { get; init; }

    /// <summary>Points taken off per expected record missing or invalid (`per_missing:`), down to 0.</summary>
    public decimal PerMissing { get; init; }
}
