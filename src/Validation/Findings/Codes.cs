namespace Handbook.Validator.Findings;

/// <summary>The stable finding codes (DESIGN §6): the JSON report and the tests name them.</summary>
public static class Codes
{
    // Opening the file safely.
    public const string EmptyFile = "empty-file";
    public const string NotADocx = "not-a-docx";
    public const string LegacyDoc = "legacy-doc-format";
    public const string Encrypted = "encrypted";
    public const string TooLarge = "too-large";
    public const string CorruptPackage = "corrupt-package";
    public const string ZipBomb = "zip-bomb";
    public const string PartTooLarge = "part-too-large";
    public const string DtdProhibited = "dtd-prohibited";
    public const string MacrosPresent = "macros-present";
    public const string RemoteContent = "remote-content";
    public const string LocalTemplate = "local-template";
    public const string LinkedContent = "linked-content";
    public const string NoMainDocument = "no-main-document";
    public const string Unreadable = "unreadable";
    public const string InternalError = "internal-error";

    // Identifying the form.
    public const string UnknownForm = "unknown-form";
    public const string OutdatedFormVersion = "outdated-form-version";
    public const string FormVersionUnknown = "form-version-unknown";

    // Extraction.
    public const string TagsLost = "tags-lost";
    public const string ControlsLost = "controls-lost";
    public const string DuplicateControl = "duplicate-control";

    // Checking values.
    public const string RequiredMissing = "required-missing";
    public const string TypeInvalid = "type-invalid";
    public const string OutOfRange = "out-of-range";
    public const string TooShort = "too-short";
    public const string TooLong = "too-long";
    public const string PatternMismatch = "pattern-mismatch";
    public const string OptionInvalid = "option-invalid";
    public const string CountOutOfRange = "count-out-of-range";
    public const string TooFewRows = "too-few-rows";
    public const string RuleFailed = "rule-failed";

    // The self-check scoring sheet (ScoringSheetChecker).
    public const string ScoringPointsMismatch = "scoring-points-mismatch";
    public const string SelfScoreOutOfRange = "self-score-out-of-range";
    public const string DeductionReasonMissing = "deduction-reason-missing";
    public const string ScoringTotalMismatch = "scoring-total-mismatch";
    public const string ScoringGrade = "scoring-grade";
}
