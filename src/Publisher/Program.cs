using System.CommandLine;
using System.Text;
using Handbook.Publisher.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("手册发布工具：检查手册源文件，生成网站和全部下载文件。");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(BuildCommand.Create());
return root.Parse(args).Invoke();
