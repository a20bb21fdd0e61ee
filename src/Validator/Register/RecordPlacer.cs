using Handbook.Model;
using Handbook.Validator.Checking;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Register;

/// <summary>Places a validated record: its unit (checked against the roster) and its date, from its form's unit and date fields.</summary>
public sealed class RecordPlacer(Book book, UnitRoster? roster)
{
    /// <summary>Validates a record and places it; the report returned carries the placing's findings (an unknown unit) too.</summary>
    public (RegisteredRecord Record, RecordValues? Values, FileReport Report) Check(RecordValidator validator, string path, ReadOnlyMemory<byte> data)
    {
        var (report, values) = validator.Read(path, data);
        var findings = report.Findings.ToList();
        var record = Place(report, values, findings);
        return (record, values, report with { Findings = findings });
    }

    public RegisteredRecord Place(FileReport report, RecordValues? values, List<Finding> findings)
    {
        var form = report.Form is null ? null : book.FindForm(report.Form.Id);
        var unit = "";
        if (form?.UnitField is { } unitField && values?.Get(unitField) is { } written)
        {
            var known = roster?.Find(written);
            if (roster is not null && known is null)
                findings.Add(Finding.Error("unknown-unit",
                    $"单位“{Finding.Excerpt(written)}”不在单位名册中；请核对单位全称", unitField, form.FindField(unitField)?.Label));
            unit = known?.Name ?? UnitRoster.Key(written);
        }
        DateOnly? date = null;
        if (form?.DateField is { } dateField && values?.Get(dateField) is { } text
            && ValueParser.TryDate(text, out var parsed))
            date = parsed;
        return new RegisteredRecord(report.Path, unit, report.Form?.Id ?? "", report.Form?.Version, date,
            !findings.Any(f => f.IsError), string.Join("\n", findings.Where(f => f.Severity != FindingSeverity.Info).Select(f => f.Message)));
    }
}
