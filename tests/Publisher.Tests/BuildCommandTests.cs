using System.CommandLine;

using Handbook.Publisher;

namespace Handbook.Tests;

public class BuildCommandTests
{
    [Fact]
    public void AHandbookWithErrorsWritesNothingAndKeepsThePreviousSite()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("rules/R01.md", "every: month", "every: monthly");
        var site = Path.Combine(fixture.Root, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "previous");
        var error = new StringWriter();

        var exit = PublisherCli.Create().Parse(["build", "--source", fixture.Root, "--out", site])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(1, exit);
        Assert.Contains("未生成任何文件", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(fixture.Root), e => Path.GetFileName(e).StartsWith(".site", StringComparison.Ordinal));
    }

    [Fact]
    public void AWriterThatFailsHalfwayLeavesThePreviousSiteWhole()
    {
        using var fixture = new FixtureHandbook();
        var site = Path.Combine(fixture.Root, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "previous");

        Assert.Throws<IOException>(() => Handbook.Publisher.Build.StagedBuild.Run(site, keepExisting: false, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "index.html"), "half");
            throw new IOException("disk full");
        }));

        Assert.Equal(["index.html"], Directory.EnumerateFiles(site).Select(Path.GetFileName));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(fixture.Root), e => Path.GetFileName(e).StartsWith(".site", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedMoveIntoPlaceKeepsThePreviousSite()
    {
        using var fixture = new FixtureHandbook();
        var site = Path.Combine(fixture.Root, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "previous");

        // The staging folder vanishing makes the move into place fail after the previous site was moved aside.
        Assert.Throws<DirectoryNotFoundException>(() => Handbook.Publisher.Build.StagedBuild.Run(site, keepExisting: false,
            staging => Directory.Delete(staging, recursive: true)));

        Assert.Equal("previous", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(fixture.Root), e => Path.GetFileName(e).StartsWith(".site", StringComparison.Ordinal));
    }

    [Fact]
    public void ACompleteBuildReplacesThePreviousSite()
    {
        using var fixture = new FixtureHandbook();
        var site = Path.Combine(fixture.Root, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "old.html"), "previous");

        Handbook.Publisher.Build.StagedBuild.Run(site, keepExisting: false,
            staging => File.WriteAllText(Path.Combine(staging, "index.html"), "new"));

        Assert.Equal(["index.html"], Directory.EnumerateFiles(site).Select(Path.GetFileName));
    }
}
