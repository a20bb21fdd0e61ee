using System.CommandLine;

namespace Handbook.Publisher.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Source() => new("--source")
    {
        Description = "手册源文件夹",
        DefaultValueFactory = _ => new DirectoryInfo("handbook"),
    };

    /// <summary>
    /// The templates: ./templates where the handbook repository has its own look, else the default look that comes
    /// with the program (copied beside it), so another organization's handbook checks and builds as it is.
    /// </summary>
    public static Option<DirectoryInfo> Templates() => new("--templates")
    {
        Description = "模板文件夹（默认：当前文件夹下的 templates，没有则用程序自带的默认模板）",
        DefaultValueFactory = _ => new DirectoryInfo(Directory.Exists("templates") ? "templates" : Path.Combine(AppContext.BaseDirectory, "templates")),
    };

    public static Option<int> Year() => new("--year")
    {
        Description = "工作提醒表和日历的年份（默认今年）",
        DefaultValueFactory = _ => DateTime.Today.Year,
    };
}
