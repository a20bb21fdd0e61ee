using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Handbook.Publisher.Commands;

/// <summary>
/// `publisher new DIR --title … --organization …`: a handbook for another organization, from the scaffold embedded in
/// the program (Commands/Scaffold): handbook.yml, one part with one article using every front-matter key, one form
/// using every field type and both rule shapes, and a README for its editors. `check` passes on it and `build` works.
/// </summary>
internal static class NewCommand
{
    private const string Prefix = "Scaffold/";

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "新手册的文件夹（不存在或为空）" };
        var title = new Option<string>("--title") { Description = "手册名称", Required = true };
        var organization = new Option<string>("--organization") { Description = "单位名称，如“中共某某集团有限公司委员会”", Required = true };
        var command = new Command("new", "为一个单位新建手册源文件夹：示例文章、示例表单和编辑说明") { directory, title, organization };
        command.SetAction(result => Run(result.GetValue(directory)!, result.GetValue(title)!, result.GetValue(organization)!,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(DirectoryInfo directory, string title, string organization, TextWriter output, TextWriter error)
    {
        if (directory.Exists && directory.EnumerateFileSystemInfos().Any())
        {
            error.WriteLine($"错误：文件夹“{directory}”已存在且不为空，未写入任何文件。");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(organization))
        {
            error.WriteLine("错误：--title 和 --organization 不能为空。");
            return 2;
        }

        var today = DateTime.Today;
        var values = new Dictionary<string, string>
        {
            ["{{title}}"] = title.Trim(),
            ["{{organization}}"] = organization.Trim(),
            ["{{year}}"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["{{date}}"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        // Written beside the target first and moved into place, so that a failure leaves no half-made handbook.
        var staging = directory.FullName.TrimEnd(Path.DirectorySeparatorChar) + ".new-" + Guid.NewGuid().ToString("N");
        try
        {
            var assembly = typeof(NewCommand).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var text = reader.ReadToEnd();
                var yaml = name.EndsWith(".yml", StringComparison.Ordinal);
                foreach (var (key, value) in values)
                    text = text.Replace(key, yaml && key is "{{title}}" or "{{organization}}" ? YamlString(value) : value, StringComparison.Ordinal);
                var target = Path.Combine(staging, name[Prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
            if (directory.Exists) directory.Delete();
            Directory.Move(staging, directory.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            error.WriteLine($"错误：无法在“{directory}”新建手册：{e.Message}");
            return 2;
        }
        output.WriteLine($"已新建手册“{title.Trim()}”于 {directory.FullName}。");
        output.WriteLine($"下一步：publisher check --source {directory}，然后阅读其中的 README.md。");
        return 0;
    }

    /// <summary>A YAML double-quoted scalar: a JSON string is one, whatever the title holds (colons, quotes).</summary>
    private static string YamlString(string value) =>
        JsonValue.Create(value).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
