using System.CommandLine;
using Handbook.Publisher.Commands;

namespace Handbook.Publisher;

/// <summary>The `publisher` command line: check, build, changes, new, serve.</summary>
public static class PublisherCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("手册发布工具：检查手册源文件，生成网站和全部下载文件。");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }
}
