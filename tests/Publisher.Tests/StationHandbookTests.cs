using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Tests.Site;
using Handbook.Validator;

namespace Handbook.Tests;

/// <summary>
/// Another organization's handbook (an oil-field station, its words in handbook.yml `vocabulary`): nothing built
/// from it may carry the Party-building handbook's words that used to be built into code and templates.
/// </summary>
public sealed class StationHandbookTests : IDisposable
{
    private readonly FixtureHandbook _handbook = new("station");
    private readonly string _out;

    public StationHandbookTests() => _out = Path.Combine(_handbook.Root, "out");

    public void Dispose() => _handbook.Dispose();

    [Fact]
    public void No_page_or_download_says_党()
    {
        var build = SiteBuild.Run(_handbook.Root, _out);
        Assert.Equal(0, build.Exit);

        var files = Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories).ToArray();
        Assert.Contains(files, f => f.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        var offending = files.Where(f => TextOf(f).Contains('党', StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_out, f));
        Assert.Empty(offending);
    }

    [Fact]
    public void Pages_use_the_handbooks_search_example_and_colour()
    {
        SiteBuild.Run(_handbook.Root, _out, "--only", "site");
        var home = File.ReadAllText(Path.Combine(_out, "index.html"));

        Assert.Contains("placeholder=\"搜索，如：巡检\"", home, StringComparison.Ordinal);
        // The colour comes as a style sheet of the site's own (no inline style, which serve's policy would block).
        Assert.Contains("static/theme.css", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", home, StringComparison.Ordinal);
        Assert.Contains("--accent: #1f5f8b;", File.ReadAllText(Path.Combine(_out, "static", "theme.css")), StringComparison.Ordinal);
    }

    [Fact]
    public void Scoring_workbook_names_the_unit_and_signer_of_the_handbook()
    {
        SiteBuild.Run(_handbook.Root, _out);
        var text = TextOf(Path.Combine(_out, "downloads", "对标自查评分表.xlsx"));

        Assert.Contains("站场", text, StringComparison.Ordinal);
        Assert.Contains("站长（签字）", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The text of a file as its reader sees it: of an Office file, that of every XML part in it; of the browser
    /// validator's data, what it was written from. Precompressed copies (.br, .gz) of a file beside them and the compiled
    /// validator (.wasm, the same for every handbook) have no text of their own: read as UTF-8, their bytes once matched
    /// 党 by chance. A file of any other kind fails the test, so that no new output goes unread.
    /// </summary>
    private static string TextOf(string path)
    {
        switch (Path.GetExtension(path))
        {
            case ".html" or ".js" or ".css" or ".svg" or ".ics":
                return File.ReadAllText(path);
            case ".docx" or ".xlsx":
                return OfficeText(path);
            case ".bin":
                var book = ValidatorData.Read(File.ReadAllBytes(path));
                // The metadata read back carries the default vocabulary, which is not in the file: leave it out.
                return JsonSerializer.Serialize(new { book.Info.Title, book.Info.Organization, book.Info.Grading, book.Articles, book.Forms },
                    new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            case ".br" or ".gz":
                Assert.True(File.Exists(path[..^Path.GetExtension(path).Length]), path + " is a copy of no file beside it");
                return "";
            case ".wasm":
                return "";
            default:
                Assert.Fail("no reader for " + path);
                return "";
        }
    }

    private static string OfficeText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
