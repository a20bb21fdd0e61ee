using System.CommandLine;
using Handbook.Publisher;

namespace Handbook.Tests.Site;

/// <summary>Runs `publisher build` in process and keeps what it printed.</summary>
internal sealed record SiteBuild(int Exit, string Output, string Error)
{
    /// <param name="options">More options; the repository's templates unless they give --templates.</param>
    public static SiteBuild Run(string source, string output, params string[] options)
    {
        var (console, error) = (new StringWriter(), new StringWriter());
        string[] templates = options.Contains("--templates") ? [] : ["--templates", RepositoryPaths.Templates];
        var exit = PublisherCli.Create()
            .Parse(["build", "--source", source, "--out", output, "--year", "2026", .. templates, .. options])
            .Invoke(new InvocationConfiguration { Output = console, Error = error });
        return new SiteBuild(exit, console.ToString(), error.ToString());
    }
}
