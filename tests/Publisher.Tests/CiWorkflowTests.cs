using System.Diagnostics;
using System.Text.Json;
using YamlDotNet.RepresentationModel;
using static Handbook.Tests.CheckCommandTests;

namespace Handbook.Tests;

/// <summary>
/// The CI files shipped under templates/ci parse as YAML, and every command they run (all but fetching the tool) runs
/// in a fixture repository: a pull-request branch with a clone of its target branch as origin.
/// </summary>
public sealed class CiWorkflowTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "handbook-ci-" + Guid.NewGuid().ToString("N"));
    private readonly string work;

    public CiWorkflowTests()
    {
        work = Path.Combine(root, "work");
        using var fixture = new FixtureHandbook();
        Copy(fixture.Root, Path.Combine(work, "handbook"));
        Copy(RepositoryPaths.Templates, Path.Combine(work, "templates"));
        Git(root, "init", "-q", "--bare", "-b", "main", "origin.git");
        Git(work, "init", "-q", "-b", "main");
        CommitAll(work);
        Git(work, "remote", "add", "origin", Path.Combine(root, "origin.git"));
        Git(work, "push", "-q", "origin", "main");
        Git(work, "fetch", "-q", "origin");

        // The pull request: a form field made required, with a new version.
        Git(work, "checkout", "-qb", "edit");
        var form = Path.Combine(work, "handbook/forms/F01.yml");
        File.WriteAllText(form, File.ReadAllText(form)
            .Replace("version: \"2026.1\"", "version: \"2026.2\"", StringComparison.Ordinal)
            .Replace("    label: 时长（小时）\n    type: number", "    label: 时长（小时）\n    type: number\n    required: true", StringComparison.Ordinal));
        CommitAll(work);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Templates, "ci", name))));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    [Fact]
    public void GithubWorkflowRunsOnAFixtureRepository()
    {
        var workflow = Load("handbook.yml");
        Assert.Equal(["pull_request", "push"], ((YamlMappingNode)workflow["on"]).Children.Keys.Select(k => k.ToString()));
        var summary = Path.Combine(root, "summary.md");
        var scripts = ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("run") && !(step.Children.TryGetValue("id", out var id) && id.ToString() == "fetch-publisher"))
            .Select(step => step["run"].ToString())
            .ToList();
        Assert.Equal(5, scripts.Count);

        foreach (var script in scripts)
            Shell(script, ("BASE_REF", "main"), ("GITHUB_STEP_SUMMARY", summary));

        var text = File.ReadAllText(summary);
        Assert.Contains("## 本次修改对各单位的影响（与 origin/main 相比）", text, StringComparison.Ordinal);
        Assert.Contains("F01 党小组会记录：版本 2026.1 → 2026.2：字段“duration”改为必填", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "site/index.html")));
    }

    [Fact]
    public void GitlabPipelineRunsOnAFixtureRepository()
    {
        var pipeline = Load("gitlab-ci.yml");
        var jobs = pipeline.Children.Where(p => p.Value is YamlMappingNode job && job.Children.ContainsKey("script")).ToList();
        Assert.Equal(["merge-request", "pages"], jobs.Select(j => j.Key.ToString()));

        foreach (var (_, job) in jobs)
            Shell(string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)job)["script"]).Select(line => line.ToString())),
                ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"));

        Assert.Contains("字段“duration”改为必填", File.ReadAllText(Path.Combine(work, "changes.md")), StringComparison.Ordinal);
        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "check.sarif"))).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        Assert.True(File.Exists(Path.Combine(work, "site/index.html")));
        Assert.True(File.Exists(Path.Combine(work, "public/index.html")));
    }

    [Fact]
    public void ABrokenHandbookFailsThePullRequestJob()
    {
        var form = Path.Combine(work, "handbook/forms/F01.yml");
        File.WriteAllText(form, File.ReadAllText(form).Replace("version: \"2026.2\"", "version: \"2026.1\"", StringComparison.Ordinal));
        var step = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Load("handbook.yml")["jobs"])["pull-request"])["steps"])
            .Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("run", out var run) && run.ToString().StartsWith("publisher check", StringComparison.Ordinal) && run.ToString().Contains("--base", StringComparison.Ordinal));

        var (exit, output) = Shell(step["run"].ToString(), ignoreExit: true, ("BASE_REF", "main"));

        Assert.Equal(1, exit);
        Assert.Contains("form-version-unchanged", output, StringComparison.Ordinal);
    }

    /// <summary>Runs a script as the runners do (bash, stop at the first failing command) with the test's publisher on the PATH.</summary>
    private (int Exit, string Output) Shell(string script, params (string Name, string Value)[] environment) =>
        Shell(script, ignoreExit: false, environment);

    private (int Exit, string Output) Shell(string script, bool ignoreExit, params (string Name, string Value)[] environment)
    {
        Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
        var info = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (!ignoreExit) Assert.True(process.ExitCode == 0, $"{script}\n{output.Result}\n{error}");
        return (process.ExitCode, output.Result + error);
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
