using Microsoft.AspNetCore.Http;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The headers of every answer: the page may load only the site's own files and may not be framed, and a browser
/// must take each file as the type it is served as. WebAssembly may be compiled: the browser validator of validate.html is. A fault of the server is answered without its details (no stack
/// trace, no path of this machine), which go to the server's console.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static async Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Console.Error.WriteLine($"服务器内部错误（{context.Request.Method} {context.Request.Path}）：{e}");
            if (context.Response.HasStarted) throw;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("服务器内部错误，请稍后再试。");
        }
    }
}
