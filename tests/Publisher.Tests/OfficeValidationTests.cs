using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Handbook.Loading;
using Handbook.Publisher;

namespace Handbook.Tests;

/// <summary>
/// Every .docx and .xlsx a build of the default handbook writes passes the Open XML SDK's validator at the newest
/// file format version the SDK knows (Microsoft 365).
/// </summary>
public sealed class OfficeValidationTests : IDisposable
{
    private readonly string site = Directory.CreateTempSubdirectory("office-validation-").FullName;

    [Fact]
    public void Every_generated_document_and_workbook_passes_the_Microsoft_365_validator()
    {
        var exit = PublisherCli.Create().Parse(["build", "--source", RepositoryPaths.Handbook, "--out", site,
                "--templates", RepositoryPaths.Templates, "--year", "2026",
                "--only", "forms", "handbook", "ledgers", "scoring", "reminders"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });
        Assert.Equal(0, exit);

        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var expected = book.Forms.Select(DownloadPaths.FormDocument).Concat(book.Forms.Select(DownloadPaths.BlankForm))
            .Append(DownloadPaths.PrintedHandbook(book.Info))
            .Concat(book.Forms.Select(DownloadPaths.Ledger))
            .Append(DownloadPaths.ScoringWorkbook).Append(DownloadPaths.FeedbackWorkbook)
            .Append(DownloadPaths.Reminders(2026, "docx")).Append(DownloadPaths.Reminders(2026, "xlsx"))
            .Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var written = Directory.EnumerateFiles(site, "*.*x", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, written);

        var validator = new OpenXmlValidator(FileFormatVersions.Microsoft365);
        var errors = new List<string>();
        foreach (var file in written)
        {
            var path = Path.Combine(site, file);
            using OpenXmlPackage package = file.EndsWith(".docx", StringComparison.Ordinal)
                ? WordprocessingDocument.Open(path, false)
                : SpreadsheetDocument.Open(path, false);
            errors.AddRange(validator.Validate(package).Select(e => $"{file} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }
        Assert.True(errors.Count == 0, $"{errors.Count} errors:\n" + string.Join("\n", errors.Take(50)));
    }

    public void Dispose() => Directory.Delete(site, recursive: true);
}
