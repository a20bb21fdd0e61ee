using System.CommandLine;
using Handbook.Publisher.Serve;

namespace Handbook.Publisher.Commands;

/// <summary>`publisher serve`: the live preview for editors and the validation API for programs.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var source = CommonOptions.Source();
        var templates = CommonOptions.Templates();
        var host = new Option<string>("--host") { Description = "监听的地址（默认只限本机；对外提供服务请放在反向代理之后）", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "监听的端口", DefaultValueFactory = _ => 5080 };
        var maxUpload = new Option<int>("--max-upload-mb") { Description = "一次上传的最大大小（MB），超过则拒绝", DefaultValueFactory = _ => 50 };
        var year = CommonOptions.Year();
        var register = new Option<string?>("--register")
        {
            Description = "登记库（SQLite 文件路径，或 PostgreSQL 连接串 Host=…;Database=…）：POST /api/validate?register=1 检查并登记记录，/compliance?period=2026Q1 显示各单位报送情况",
        };
        var command = new Command("serve", "本地预览网站（保存即更新、页面自动刷新、错误显示在页面上），并提供记录检查接口 POST /api/validate")
            { source, templates, host, port, maxUpload, year, register };
        command.SetAction((result, token) => Run(new ServeOptions(result.GetValue(source)!, result.GetValue(templates)!, result.GetValue(host)!,
            result.GetValue(port), result.GetValue(maxUpload), result.GetValue(year), result.GetValue(register)),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token));
        return command;
    }

    private static async Task<int> Run(ServeOptions options, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!options.Templates.Exists)
        {
            error.WriteLine($"错误：找不到模板文件夹“{options.Templates}”。");
            return 2;
        }
        if (options.MaxUploadMb <= 0 || options.Port is < 0 or > 65535)
        {
            error.WriteLine("错误：--max-upload-mb 须为正数，--port 须在 0 至 65535 之间。");
            return 2;
        }
        PreviewServer opened;
        try
        {
            opened = new PreviewServer(options, output);
        }
        catch (Exception e) when (options.Register is { } db && e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            var name = Validator.Register.RegisterStore.IsConnectionString(db) ? "PostgreSQL" : db;
            error.WriteLine($"错误：无法打开登记库“{name}”（{e.Message}）。");
            return 2;
        }
        await using var server = opened;
        try
        {
            await server.StartAsync();
        }
        catch (IOException e)
        {
            error.WriteLine($"错误：无法在 {options.Host}:{options.Port} 上监听（{e.Message}）；端口可能已被占用，请用 --port 换一个。");
            return 2;
        }
        output.WriteLine($"正在预览手册：{server.Url}（保存文件后页面自动更新；按 Ctrl+C 停止）");
        output.WriteLine($"记录检查接口：POST {server.Url}api/validate（字段 file）");
        if (options.Register is not null)
            output.WriteLine($"登记：POST {server.Url}api/validate?register=1；报送情况：{server.Url}compliance?period=2026Q1");
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
