using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Handbook.Publisher.Serve;

/// <summary>One line per request on the server's console: time, client, method, path, status, bytes, milliseconds.</summary>
internal sealed class AccessLog(TextWriter log)
{
    public async Task Write(HttpContext context, RequestDelegate next)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {context.Connection.RemoteIpAddress} {request.Method} {request.Path}{request.QueryString} {context.Response.StatusCode} {context.Response.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "-"} {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1}ms");
            lock (log) log.WriteLine(line);
        }
    }
}
