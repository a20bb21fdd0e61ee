using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Handbook.Publisher.Serve;

/// <summary>
/// Tells the open pages to reload, by server-sent events: every change of the site (or of its diagnostics) is a new
/// version. A page carries the version it was served at, and the script reloads it as soon as the server has another,
/// so a change made while the page was loading is not missed. The script is added to pages only when serving
/// (<see cref="Tag"/>), never to what `build` writes.
/// </summary>
internal sealed class ReloadChannel
{
    public const string Events = "/_serve/events";
    public const string Script = "/_serve/reload.js";

    // The EventSource reconnects by itself (after `retry` ms) when the server restarts; the page then reloads once.
    private const string ScriptText = """
        (function () {
          var script = document.currentScript;
          var version = script.getAttribute("data-version");
          var events = new EventSource(new URL("events", script.src));
          events.onmessage = function (e) {
            if (e.data !== version) { events.close(); location.reload(); }
          };
        })();
        """;

    private readonly ConcurrentDictionary<Channel<long>, byte> _pages = new();
    private long _version = 1;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>The script element for a page served at this path (relative, so that the site works under a prefix).</summary>
    public string Tag(string requestPath)
    {
        var root = string.Concat(Enumerable.Repeat("../", Math.Max(0, requestPath.Count(c => c == '/') - 1)));
        return $"<script src=\"{root}{Script[1..]}\" data-version=\"{Version.ToString(CultureInfo.InvariantCulture)}\"></script>";
    }

    /// <summary>The site changed: every open page reloads.</summary>
    public void Changed()
    {
        var version = Interlocked.Increment(ref _version);
        foreach (var page in _pages.Keys) page.Writer.TryWrite(version);
    }

    public Task WriteScript(HttpContext context)
    {
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(ScriptText);
    }

    /// <summary>One open page's event stream: the current version at once, then each new one, until the page goes.</summary>
    public async Task Stream(HttpContext context, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        // A reverse proxy must pass the events on as they come (nginx buffers otherwise).
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var page = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        _pages[page] = 0;
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await context.Response.WriteAsync($"retry: 500\ndata: {Version.ToString(CultureInfo.InvariantCulture)}\n\n", gone.Token);
            await context.Response.Body.FlushAsync(gone.Token);
            await foreach (var version in page.Reader.ReadAllAsync(gone.Token))
            {
                await context.Response.WriteAsync($"data: {version.ToString(CultureInfo.InvariantCulture)}\n\n", gone.Token);
                await context.Response.Body.FlushAsync(gone.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _pages.TryRemove(page, out _);
        }
    }
}
