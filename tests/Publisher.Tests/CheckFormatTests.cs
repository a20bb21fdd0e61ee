using System.Text.Json;
using NJsonSchema;
using static Handbook.Tests.CheckCommandTests;

namespace Handbook.Tests;

/// <summary>`check --format github` and `--format sarif`: the same diagnostics and exit codes as the text format.</summary>
public class CheckFormatTests
{
    /// <summary>A handbook with an error (a misspelt key) and a warning-free rest: the broken fixture.</summary>
    private static FixtureHandbook Broken()
    {
        var fixture = new FixtureHandbook();
        fixture.Replace("forms/F01.yml", "    required: true\n    max_length: 30", "    requried: true\n    max_length: 30");
        fixture.Replace("rules/R01.md", "every: month", "every: monthly");
        return fixture;
    }

    [Fact]
    public void GithubFormatPrintsOneWorkflowCommandPerDiagnostic()
    {
        using var fixture = Broken();
        var text = Run("check", "--source", fixture.Root);
        var (exit, output, _) = Run("check", "--source", fixture.Root, "--format", "github");

        Assert.Equal(text.Exit, exit);
        var commands = output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(text.Output.Split('\n').Count(l => l.Contains(": error ", StringComparison.Ordinal)), commands.Count);
        Assert.Contains($"::error file={fixture.Root}/forms/F01.yml,line=10,col=5,title=unknown-key::字段中有未知的键“requried”，是否应为“required”？", commands);
        Assert.Contains(commands, c => c.StartsWith($"::error file={fixture.Root}/rules/R01.md,line=9,col=12,title=unknown-every::", StringComparison.Ordinal));
        Assert.Contains("发现 2 个错误", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GithubFormatOfACleanHandbookIsTheSummaryAlone()
    {
        using var fixture = new FixtureHandbook();
        var (exit, output, _) = Run("check", "--source", fixture.Root, "--format", "github");
        Assert.Equal(0, exit);
        Assert.Equal("检查通过：2 篇，2 篇文章，1 张表单。", output.Trim());
    }

    [Fact]
    public async Task SarifFormatIsValidSarif210WithEveryDiagnostic()
    {
        using var fixture = Broken();
        var (exit, output, _) = Run("check", "--source", fixture.Root, "--format", "sarif");

        Assert.Equal(1, exit);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-2.1.0-subset.schema.json"));
        Assert.Empty(schema.Validate(output));

        var run = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var result = results.Single(r => r.GetProperty("ruleId").GetString() == "unknown-key");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("字段中有未知的键“requried”，是否应为“required”？", result.GetProperty("message").GetProperty("text").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("/forms/F01.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal((10, 5), (location.GetProperty("region").GetProperty("startLine").GetInt32(),
            location.GetProperty("region").GetProperty("startColumn").GetInt32()));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["unknown-every", "unknown-key"], rules);
    }

    [Fact]
    public async Task SchemaCatchesABrokenSarifLog()
    {
        // The validator itself must be able to fail: a result without its message is not SARIF.
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-2.1.0-subset.schema.json"));
        Assert.NotEmpty(schema.Validate("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a"}]}]}"""));
    }

    [Fact]
    public void SarifOfACleanHandbookHasNoResultsAndExitsZero()
    {
        using var fixture = new FixtureHandbook();
        var (exit, output, _) = Run("check", "--source", fixture.Root, "--format", "sarif");
        Assert.Equal(0, exit);
        Assert.Empty(JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }
}
