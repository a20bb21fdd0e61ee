using DocumentFormat.OpenXml.Packaging;
using Handbook.Loading;
using System.CommandLine;
using Handbook.Publisher;

namespace Handbook.Tests;

/// <summary>`publisher build --only forms handbook` writes the Word downloads where the site links to them.</summary>
public sealed class WordOutputsTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Fixture = Path.Combine(Root, "tests/Office.Tests/Word/Fixtures/handbook");
    private readonly string dir = Directory.CreateTempSubdirectory("word-outputs-").FullName;

    [Fact]
    public void Build_writes_every_form_and_the_printed_handbook()
    {
        var output = Path.Combine(dir, "site");
        var exit = PublisherCli.Create().Parse(["build", "--source", Fixture, "--out", output,
            "--templates", Path.Combine(Root, "templates"), "--only", "forms", "handbook"]).Invoke();

        Assert.Equal(0, exit);
        var book = BookLoader.Load(Fixture).Book!;
        var files = book.Forms.Select(DownloadPaths.FormDocument).Concat(book.Forms.Select(DownloadPaths.BlankForm)).Append(DownloadPaths.PrintedHandbook(book.Info)).ToList();
        foreach (var file in files)
        {
            using var document = WordprocessingDocument.Open(Path.Combine(output, file), false);
            Assert.NotNull(document.MainDocumentPart?.Document.Body);
        }
        Assert.Equal(files.Count, Directory.EnumerateFiles(output, "*.docx", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_broken_style_file_writes_nothing()
    {
        var templates = Path.Combine(dir, "templates");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "templates"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(Path.Combine(Root, "templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.AppendAllText(Path.Combine(templates, "word/styles.yml"), "\nunknown_key: 1\n");
        var output = Path.Combine(dir, "site");

        var error = new StringWriter();
        var exit = PublisherCli.Create().Parse(["build", "--source", Fixture, "--out", output, "--templates", templates,
            "--only", "forms"]).Invoke(new InvocationConfiguration { Error = error });

        Assert.Equal(1, exit);
        Assert.Contains("styles.yml", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("未知的键“unknown_key”", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
