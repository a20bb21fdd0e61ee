using Handbook.Model;
using Handbook.Validator.Checking;
using Handbook.Validator.Extraction;
using Handbook.Validator.Findings;
using Handbook.Validator.Packaging;

namespace Handbook.Validator;

/// <summary>
/// Validates one submitted record: opens it safely, identifies its form, extracts its values and checks
/// them. Never throws: every problem is a finding, a fault of its own too (internal-error). Thread-safe.
/// </summary>
public sealed class RecordValidator(Book book, PackageLimits limits, Func<DateOnly> today)
{
    public RecordValidator(Book book) : this(book, PackageLimits.Default, () => DateOnly.FromDateTime(DateTime.Now)) { }

    private readonly ScoringSheetChecker scoring = new(book);
    private readonly FieldPatterns patterns = new(book);
    private readonly Dictionary<string, FormIndex> indexes = book.Forms.DistinctBy(f => f.Id).ToDictionary(f => f.Id, f => new FormIndex(f));

    public PackageLimits Limits => limits;

    /// <summary>The handbook whose forms this validator checks against.</summary>
    public Book Book => book;

    public FileReport Validate(string path, ReadOnlyMemory<byte> data) => Read(path, data).Report;

    /// <summary>Validates a record and also returns the values read from it (null when none could be read).</summary>
    public (FileReport Report, RecordValues? Values) Read(string path, ReadOnlyMemory<byte> data)
    {
        RecordValues? values = null;
        var findings = new List<Finding>();
        FormRef? formRef = null;
        try
        {
            using var package = SafePackage.Open(data, limits, findings);
            var properties = package.CustomPropertiesPart is { } custom
                ? package.ReadXml(custom, CustomProperties.Read)
                : new Dictionary<string, string>();
            var document = package.ReadXml(package.MainPart, DocumentScanner.Scan);
            var identity = FormIdentifier.Identify(properties, document, book.Forms);
            if (identity.Id is not null) formRef = new FormRef(identity.Id, identity.Version);
            var form = identity.Id is null ? null : book.FindForm(identity.Id);
            if (form is null)
            {
                findings.Add(Finding.Error(Codes.UnknownForm, identity.Id is null
                    ? "无法识别表单：文档属性和正文中都没有表单编号，标题也不是本手册中的表单；请使用手册网站下载的表单填写"
                    : $"表单编号“{Finding.Excerpt(identity.Id)}”不是本手册中的表单；请使用手册网站下载的表单填写"));
                return (new FileReport(path, formRef, findings), null);
            }
            if (identity.Version is null)
                findings.Add(Finding.Warning(Codes.FormVersionUnknown,
                    $"无法确定表单版本（文档属性和“表单编号／版本”一行都已缺失），按现行版本 {form.Version} 检查"));
            else if (identity.Version != form.Version)
                findings.Add(Finding.Error(Codes.OutdatedFormVersion,
                    $"表单“{form.Title}”的版本 {Finding.Excerpt(identity.Version)} 不是现行版本 {form.Version}；请下载现行表单重新填写"));
            values = FieldMapper.Map(document, indexes[form.Id], findings);
            findings.AddRange(new ValueChecker(today(), patterns).Check(form, values));
            if (ScoringSheet.Is(form)) findings.AddRange(scoring.Check(form, values));
        }
        catch (PackageException e)
        {
            findings.Add(e.Finding);
        }
        catch (Exception e)
        {
            // A fault of the validator's own, met on this file: reported on it, so that the rest of a batch is checked.
            findings.Add(Finding.InternalError(e));
            values = null;
        }
        return (new FileReport(path, formRef, findings), values);
    }
}
