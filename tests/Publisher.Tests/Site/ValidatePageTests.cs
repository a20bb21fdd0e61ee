using Handbook.Loading;
using Handbook.Model;
using Handbook.Validator.Fixtures;

namespace Handbook.Tests.Site;

/// <summary>
/// The page 校验记录 of a built site, served as a static folder on loopback: records are checked in the browser by
/// the WebAssembly validator with the same findings as the command line's JSON, and nothing is requested from
/// anywhere but the site (issue 18).
/// </summary>
public sealed class ValidatePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Checks_valid_invalid_flattened_LibreOffice_saved_and_hostile_records_as_the_command_line_does()
    {
        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var records = new FormRecords(book, RepositoryPaths.Templates);
        var form = book.FindForm("F03")!;
        var valid = records.Filled(form, SampleValues.Valid(book, form));
        var huge = SampleValues.Valid(book, book.FindForm("F01")!);
        huge["expected"] = huge["present"] = "79228162514264337593543950335";
        (string Name, byte[] Data)[] files =
        [
            ("有效记录.docx", valid),
            ("缺必填项.docx", records.Filled(form, WithoutARequiredField(book, form))),
            ("控件变文字.docx", RecordEdits.FlattenControls(valid)),
            ("LibreOffice另存.docx", SavedByLibreOffice(valid)),
            ("人数过大.docx", records.Filled(book.FindForm("F01")!, huge)),
            ("不是Word文档.docx", HostileFiles.NotAZip()),
            ("只传了一半.docx", HostileFiles.Truncated(valid)),
            ("压缩炸弹.docx", HostileFiles.ZipBomb(valid)),
            ("正文过大.docx", HostileFiles.OversizedPart(valid)),
            ("外部实体.docx", HostileFiles.ExternalEntity(valid)),
        ];

        var page = await ValidatePage.Open(fixture.Browser, fixture.BaseUrl);
        await page.AssertAccessible();
        var shown = await page.Choose(files);

        ValidatePage.AssertSameAsCommandLine(ValidatorCommandLine.Entries(RepositoryPaths.Handbook, files), shown);
        // The cases are what they claim: the round trip lost the tags, the hostile files are refused, not crashed on.
        Assert.Equal(["true", "false", "true", "true", "false"], shown.Take(5).Select(r => r.Valid));
        Assert.Contains("tags-lost", shown[3].Findings.Select(f => f.Code));
        Assert.All(shown.Skip(5), r => Assert.Equal("false", r.Valid));
        Assert.DoesNotContain(shown.SelectMany(r => r.Findings), f => f.Code == "internal-error");
        page.AssertOnlyRequested(fixture.BaseUrl);
        await page.AssertAccessible();
        Assert.Empty(page.Errors);
        await page.Page.CloseAsync();
    }

    [Fact]
    public async Task Another_organizations_site_checks_dropped_records_against_its_own_forms()
    {
        using var handbook = new FixtureHandbook("station");
        var site = Path.Combine(handbook.Root, "site");
        var build = SiteBuild.Run(handbook.Root, site, "--only", "site");
        Assert.True(build.Exit == 0, build.Error);
        await using var server = await LoopbackSite.Start(site);
        var book = BookLoader.Load(handbook.Root).Book!;
        var records = new FormRecords(book, RepositoryPaths.Templates);
        var form = book.Forms[0];
        var party = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        (string Name, byte[] Data)[] files =
        [
            ("巡检记录.docx", records.Filled(form, SampleValues.Valid(book, form))),
            ("巡检记录缺项.docx", records.Filled(form, WithoutARequiredField(book, form))),
            // A form of the default handbook is no form of this one.
            ("别的手册的表单.docx", new FormRecords(party, RepositoryPaths.Templates).Filled(party.FindForm("F03")!, SampleValues.Valid(party, party.FindForm("F03")!))),
        ];

        var page = await ValidatePage.Open(fixture.Browser, server.BaseUrl);
        var shown = await page.Drop(files);

        ValidatePage.AssertSameAsCommandLine(ValidatorCommandLine.Entries(handbook.Root, files), shown);
        Assert.Equal(["true", "false", "false"], shown.Select(r => r.Valid));
        Assert.Contains(form.Id, shown[0].Text, StringComparison.Ordinal);
        page.AssertOnlyRequested(server.BaseUrl);
        await page.AssertAccessible();
        Assert.Empty(page.Errors);

        // For a person to look at (issue 18): a valid and an invalid result, on a desktop and a phone.
        foreach (var width in new[] { 1280, 390 })
        {
            await page.Page.SetViewportSizeAsync(width, 900);
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"validate-{width}.png"), FullPage = true });
        }
        await page.Page.CloseAsync();
    }

    [Fact]
    public async Task Opened_from_disk_the_page_says_it_must_be_served_over_http_and_how()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(fixture.Site, "validate.html")).AbsoluteUri);

        var status = page.Locator("#validator-status");
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync("请通过 http 访问本站", new() { Timeout = 60_000 });
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync("python3 -m http.server");
        Assert.True(await page.Locator("#validator-files").IsDisabledAsync());
        await page.CloseAsync();
    }

    private static Dictionary<string, string> WithoutARequiredField(Book book, Form form)
    {
        var values = SampleValues.Valid(book, form);
        values.Remove(form.Fields.First(f => f.Required && values.ContainsKey(f.Id)).Id);
        return values;
    }

    private static byte[] SavedByLibreOffice(byte[] record)
    {
        var folder = Directory.CreateTempSubdirectory("validate-page-lo-").FullName;
        try
        {
            var input = Path.Combine(folder, "record.docx");
            File.WriteAllBytes(input, record);
            return File.ReadAllBytes(LibreOffice.Convert([input], "docx", Path.Combine(folder, "saved"))[input]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
