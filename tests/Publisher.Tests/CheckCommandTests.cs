using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

using Handbook.Publisher;

namespace Handbook.Tests;

public class CheckCommandTests
{
    /// <summary>Runs the publisher; a command that reads templates gets the repository's unless the arguments give --templates.</summary>
    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] templates = args[0] is "check" or "build" or "changes" && !args.Contains("--templates") ? ["--templates", RepositoryPaths.Templates] : [];
        var exit = PublisherCli.Create().Parse([.. args, .. templates]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void CleanHandbookPassesWithASummary()
    {
        using var fixture = new FixtureHandbook();
        var (exit, output, _) = Run("check", "--source", fixture.Root);
        Assert.Equal(0, exit);
        Assert.Contains("检查通过：2 篇，2 篇文章，1 张表单。", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsArePrintedAsPathLineColumnCodeMessage()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "    required: true\n    max_length: 30", "    requried: true\n    max_length: 30");

        var (exit, output, _) = Run("check", "--source", fixture.Root);

        Assert.Equal(1, exit);
        var line = output.Split('\n')[0];
        Assert.Equal(Path.Combine(fixture.Root, "forms/F01.yml") + ":10:5: error unknown-key: 字段中有未知的键“requried”，是否应为“required”？", line);
    }

    [Fact]
    public void JsonFormatIsForMachines()
    {
        using var fixture = new FixtureHandbook();
        fixture.Replace("rules/R01.md", "every: month", "every: monthly");

        var (exit, output, _) = Run("check", "--source", fixture.Root, "--format", "json");

        Assert.Equal(1, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        var d = Assert.Single(json.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("unknown-every", 9, 12), (d.GetProperty("code").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()));
        Assert.Contains("monthly", d.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BaseRevisionCatchesChangedFieldsWithTheSameVersion()
    {
        using var fixture = new FixtureHandbook();
        CommitAll(fixture.Root);
        fixture.Replace("forms/F01.yml", "    options: [学习, 议事, 组织生活]", "    options: [学习, 议事]");
        fixture.Replace("forms/F01.yml", "  - id: online\n    label: 线上召开\n    type: checkbox\n", "");

        var (exit, output, _) = Run("check", "--source", fixture.Root, "--base", "HEAD");

        Assert.Equal(1, exit);
        Assert.Contains("forms/F01.yml:3:1: error form-version-unchanged:", output, StringComparison.Ordinal);
        Assert.Contains("删除了字段“online”（线上召开）", output, StringComparison.Ordinal);
        Assert.Contains("字段“kind”的选项由“学习、议事、组织生活”改为“学习、议事”", output, StringComparison.Ordinal);

        fixture.Replace("forms/F01.yml", "version: \"2026.1\"", "version: \"2026.2\"");
        Assert.Equal(0, Run("check", "--source", fixture.Root, "--base", "HEAD").Exit);
    }

    [Fact]
    public void BaseRevisionIgnoresChangesThatKeepTheFields()
    {
        using var fixture = new FixtureHandbook();
        CommitAll(fixture.Root);
        fixture.Replace("forms/F01.yml", "help: 选择会议日期", "help: 请选择会议召开的日期");

        Assert.Equal(0, Run("check", "--source", fixture.Root, "--base", "HEAD").Exit);
    }

    [Fact]
    public void UnknownBaseRevisionStopsTheRun()
    {
        using var fixture = new FixtureHandbook();
        Git(fixture.Root, "init", "-q");
        var (exit, _, error) = Run("check", "--source", fixture.Root, "--base", "no-such-ref");
        Assert.Equal(2, exit);
        Assert.Contains("no-such-ref", error, StringComparison.Ordinal);
    }

    /// <summary>Makes the fixture a git repository with everything committed: the base revision.</summary>
    internal static void CommitAll(string directory)
    {
        if (!Directory.Exists(Path.Combine(directory, ".git"))) Git(directory, "init", "-q");
        Git(directory, "add", "-A");
        Git(directory, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
    }

    internal static void Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
