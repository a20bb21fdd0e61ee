using System.CommandLine;

namespace Handbook.Publisher.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Source() => new("--source")
    {
        Description = "手册源文件夹",
        DefaultValueFactory = _ => new DirectoryInfo("handbook"),
    };
}
