using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using Handbook.Loading;
using Handbook.Publisher;

namespace Handbook.Tests;

/// <summary>The spreadsheet outputs of `build`: where they land and that they open.</summary>
public class SheetOutputsTests
{
    [Fact]
    public void BuildWritesALedgerPerFormAndTheScoringWorkbooksWhereTheSiteLinksThem()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("templates/.keep", "");
        var site = Path.Combine(fixture.Root, "site");

        var exit = PublisherCli.Create().Parse(["build", "--source", fixture.Root, "--out", site,
                "--templates", Path.Combine(fixture.Root, "templates"), "--only", "ledgers", "scoring"])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(0, exit);
        var book = BookLoader.Load(fixture.Root).Book!;
        var expected = book.Forms.Select(DownloadPaths.Ledger).Append(DownloadPaths.ScoringWorkbook).Append(DownloadPaths.FeedbackWorkbook);
        foreach (var path in expected)
        {
            using var document = SpreadsheetDocument.Open(Path.Combine(site, path), false);
            Assert.NotEmpty(document.WorkbookPart!.WorksheetParts);
        }
    }

    [Fact]
    public void AHandbookWithoutScoringStandardsGetsNoScoringWorkbook()
    {
        using var fixture = new FixtureHandbook();
        fixture.Write("templates/.keep", "");
        var article = fixture.Read("rules/R01.md");
        var start = article.IndexOf("scoring:", StringComparison.Ordinal);
        fixture.Write("rules/R01.md", article[..start] + article[article.IndexOf("revised:", StringComparison.Ordinal)..]);
        var site = Path.Combine(fixture.Root, "site");

        var exit = PublisherCli.Create().Parse(["build", "--source", fixture.Root, "--out", site,
                "--templates", Path.Combine(fixture.Root, "templates"), "--only", "scoring"])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(0, exit);
        Assert.False(File.Exists(Path.Combine(site, DownloadPaths.ScoringWorkbook)));
    }

    [Fact]
    public void BuildWritesTheRemindersOfTheGivenYearAsWorkbookDocumentAndCalendar()
    {
        using var fixture = new FixtureHandbook();
        var site = Path.Combine(fixture.Root, "site");

        var exit = PublisherCli.Create().Parse(["build", "--source", fixture.Root, "--out", site,
                "--templates", Handbook.Tests.RepositoryPaths.Templates, "--only", "reminders", "--year", "2031"])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(0, exit);
        using (var workbook = SpreadsheetDocument.Open(Path.Combine(site, DownloadPaths.Reminders(2031, "xlsx")), false))
            Assert.Equal("2031年工作提醒表", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(site, DownloadPaths.Reminders(2031, "docx")), false))
            Assert.Contains("召开党小组会", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        var calendar = File.ReadAllText(Path.Combine(site, DownloadPaths.Calendar(2031)));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20310125", calendar, StringComparison.Ordinal);
    }
}
