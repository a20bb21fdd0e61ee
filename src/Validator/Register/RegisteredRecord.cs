namespace Handbook.Validator.Register;

/// <summary>What the register keeps of a record besides its file; what compliance is computed from.</summary>
/// <param name="Unit">The unit's roster name (or the folded name written, when unknown); "" when the record names none.</param>
/// <param name="Date">The record's date field; null when it has none or it is not a date.</param>
/// <param name="Findings">The findings' messages, one a line, as the reviewer reads them.</param>
public sealed record RegisteredRecord(string Path, string Unit, string Form, string? Version, DateOnly? Date, bool Valid, string Findings);
