using System.Diagnostics;
using System.Formats.Tar;

namespace Handbook.Publisher.Commands;

/// <summary>The few git calls `check --base` and `changes --base` make, run in a folder of the working tree.</summary>
internal static class Git
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string directory, params string[] args)
    {
        using var process = Start(directory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new(process.ExitCode, output.Result, error);
    }

    /// <summary>Null when the revision exists; otherwise the message that says why it cannot be read.</summary>
    public static string? VerifyRevision(string directory, string revision)
    {
        var verify = Run(directory, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return verify.ExitCode == 0 ? null
            : $"错误：无法读取 git 版本“{revision}”（手册文件夹须在 git 仓库中，且该版本存在）。{verify.Error.Trim()}";
    }

    /// <summary>
    /// Writes the folder as it was at the revision into target (which must be empty). Returns null, or why not.
    /// </summary>
    public static string? Extract(string directory, string revision, string target)
    {
        // git archive run in a subfolder only takes files under it by their path from the top, so the folder's tree
        // is looked up here and archived from the top of the repository.
        var tree = Run(directory, "rev-parse", "--verify", "--quiet", revision + ":./");
        var top = Run(directory, "rev-parse", "--show-toplevel");
        if (tree.ExitCode != 0 || top.ExitCode != 0)
            return $"错误：git 版本“{revision}”中没有文件夹“{directory}”。{tree.Error.Trim()}";
        using var process = Start(top.Output.Trim(), "archive", "--format=tar", tree.Output.Trim());
        var error = process.StandardError.ReadToEndAsync();
        TarFile.ExtractToDirectory(process.StandardOutput.BaseStream, target, overwriteFiles: false);
        process.WaitForExit();
        return process.ExitCode == 0 ? null
            : $"错误：无法取出 git 版本“{revision}”中的文件夹“{directory}”。{error.Result.Trim()}";
    }

    private static Process Start(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
