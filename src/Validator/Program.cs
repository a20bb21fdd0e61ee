using System.Text;
using Handbook.Validator.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = ValidateCommand.Create();
return root.Parse(args).Invoke();
