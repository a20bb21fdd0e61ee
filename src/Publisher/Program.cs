using System.Text;
using Handbook.Publisher;

Console.OutputEncoding = Encoding.UTF8;
return PublisherCli.Create().Parse(args).Invoke();
