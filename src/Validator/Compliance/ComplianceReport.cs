using Handbook.Model;
using Handbook.Validator.Register;

namespace Handbook.Validator.Compliance;

/// <summary>One unit's records of one form in the period.</summary>
public sealed record FormCompliance(string Form, string Title, int Expected, int Valid, int Invalid, int Missing, int Late,
    IReadOnlyList<RegisteredRecord> Records);

public sealed record UnitCompliance(string Unit, string? Level, double Rate, decimal? Points, int Rank, IReadOnlyList<FormCompliance> Records);

/// <summary>Each unit's compliance for a period, ranked; records not in the roster listed apart.</summary>
public sealed record ComplianceReport(ReportPeriod Period, IReadOnlyList<UnitCompliance> Units, IReadOnlyList<RegisteredRecord> Unplaced)
{
    /// <summary>
    /// Computes the report from the records in force, read once. A record belongs to the period when the occurrence
    /// of its form's schedule it is dated in falls due in the period (for an unscheduled form: when it is dated in it).
    /// </summary>
    public static ComplianceReport Compute(Book book, ReportPeriod period, UnitRoster? roster, IEnumerable<RegisteredRecord> records)
    {
        var schedules = book.Articles.SelectMany(a => a.Schedule).Where(s => s.Form is not null)
            .GroupBy(s => s.Form!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byUnit = new Dictionary<string, Dictionary<string, List<RegisteredRecord>>>(StringComparer.Ordinal);
        var unplaced = new List<RegisteredRecord>();
        foreach (var record in records)
        {
            if (record.Date is not { } date || !InPeriod(period, schedules, record.Form, date)) continue;
            if (record.Unit.Length == 0 || (roster is not null && roster.Find(record.Unit) is null))
            {
                unplaced.Add(record);
                continue;
            }
            if (!byUnit.TryGetValue(record.Unit, out var forms)) byUnit[record.Unit] = forms = new(StringComparer.Ordinal);
            if (!forms.TryGetValue(record.Form, out var list)) forms[record.Form] = list = [];
            list.Add(record);
        }

        var units = roster?.Units.ToList() ?? [.. byUnit.Keys.Select(u => new Unit(u, null))];
        var scoring = book.Articles.SelectMany(a => a.Scoring).Where(s => s.Evidence is not null).ToList();
        var computed = new List<UnitCompliance>();
        foreach (var unit in units)
        {
            var submitted = byUnit.GetValueOrDefault(unit.Name) ?? new(StringComparer.Ordinal);
            var rows = new List<FormCompliance>();
            foreach (var form in book.Forms)
            {
                var expected = schedules.TryGetValue(form.Id, out var items) && (form.UnitLevel is null || form.UnitLevel == unit.Level)
                    ? items.Sum(s => period.Expected(s.Every, s.Due)) : 0;
                var list = submitted.GetValueOrDefault(form.Id) ?? [];
                if (expected == 0 && list.Count == 0) continue;
                var valid = list.Count(r => r.Valid);
                var invalid = list.Count - valid;
                var late = items is null ? 0 : list.Count(r => IsLate(items[0], r.Date!.Value));
                rows.Add(new FormCompliance(form.Id, form.Title, expected, valid, invalid, Math.Max(0, expected - valid - invalid), late,
                    [.. list.OrderBy(r => r.Date)]));
            }
            var due = rows.Sum(r => r.Expected);
            var rate = due == 0 ? 1.0 : (double)rows.Sum(r => Math.Min(r.Valid, r.Expected)) / due;
            decimal? points = scoring.Count == 0 ? null : scoring.Sum(s =>
            {
                var row = rows.FirstOrDefault(r => r.Form == s.Evidence);
                var shortfall = row is null ? 0 : row.Expected - Math.Min(row.Valid, row.Expected);
                return Math.Max(0, s.Points - s.PerMissing * shortfall);
            });
            computed.Add(new UnitCompliance(unit.Name, unit.Level, Math.Round(rate, 4), points, 0, rows));
        }
        var ranked = computed.OrderByDescending(u => u.Rate).ThenByDescending(u => u.Points ?? 0)
            .ThenBy(u => u.Unit, StringComparer.Ordinal).Select((u, i) => u with { Rank = i + 1 }).ToList();
        return new ComplianceReport(period, ranked, unplaced);
    }

    private static bool InPeriod(ReportPeriod period, Dictionary<string, List<ScheduleItem>> schedules, string form, DateOnly date) =>
        schedules.TryGetValue(form, out var items)
            ? period.Contains(ReportPeriod.Occurrence(items[0].Every, items[0].Due, date).Due)
            : period.Contains(date);

    private static bool IsLate(ScheduleItem item, DateOnly date) => date > ReportPeriod.Occurrence(item.Every, item.Due, date).Due;
}
