using System.CommandLine;

namespace Handbook.Publisher.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Source() => new("--source")
    {
        Description = "手册源文件夹",
        DefaultValueFactory = _ => new DirectoryInfo("handbook"),
    };

    public static Option<DirectoryInfo> Templates() => new("--templates")
    {
        Description = "模板文件夹",
        DefaultValueFactory = _ => new DirectoryInfo("templates"),
    };
}
