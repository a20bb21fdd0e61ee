using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Handbook.Tests.Site;

/// <summary>A built site served as a plain static folder on 127.0.0.1 (a free port), as an intranet web server would.</summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _server;

    private LoopbackSite(WebApplication server, string baseUrl) => (_server, BaseUrl) = (server, baseUrl);

    /// <summary>http://127.0.0.1:PORT/, with the trailing slash.</summary>
    public string BaseUrl { get; }

    public static async Task<LoopbackSite> Start(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        server.UseFileServer(new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            StaticFileOptions = { ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".ics"] = "text/calendar" } } },
        });
        await server.StartAsync();
        return new LoopbackSite(server, server.Urls.First() + "/");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
