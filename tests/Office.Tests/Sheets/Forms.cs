using System.Collections.Immutable;
using Handbook.Model;

namespace Handbook.Tests.Sheets;

/// <summary>Forms and fields built in code, so each test says exactly what it depends on.</summary>
internal static class Forms
{
    public static readonly BookInfo Info = new("测试手册", "测试单位", "2026年版", "zh-CN", null,
        [new GradeBand("优秀", 95), new GradeBand("合格", 80), new GradeBand("基本合格", 60), new GradeBand("不合格", 0)], Vocabulary.Default);

    public static Field Field(string id, string label, FieldType type, bool required = false, string? help = null,
        decimal? min = null, decimal? max = null, DateOnly? minDate = null, DateOnly? maxDate = null, int? minLength = null,
        int? maxLength = null, string[]? options = null, Field[]? columns = null) =>
        new(id, label, type, required, help, min, max, minDate, maxDate, minLength, maxLength, null,
            [.. options ?? []], null, null, [.. columns ?? []], 0, 5);

    public static Form Form(string id, string title, params Field[] fields) =>
        new(id, title, "2026.1", "R01", RecordPeriod.Meeting, null, [.. fields], ImmutableArray<Rule>.Empty, $"forms/{id}.yml");
}
