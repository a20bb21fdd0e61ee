using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Handbook.Publisher.Serve;

/// <summary>
/// Serves the site's files, and only them: a path with a "." or ".." segment (however encoded), a backslash or a
/// hidden name is not found, and so is any file reached through a symbolic link, so nothing outside the site folder
/// is ever read. Pages get the reload script, or the diagnostics page while the sources are broken.
/// </summary>
internal sealed class StaticSite(PreviewSite site, ReloadChannel reload)
{
    private static readonly FileExtensionContentTypeProvider Types = new() { Mappings = { [".ics"] = "text/calendar" } };

    public async Task Serve(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.EndsWith('/')) path += "index.html";
        if (path.StartsWith($"/{DownloadPaths.Folder}/", StringComparison.Ordinal)) site.WriteDownloads();
        if (path == $"/{Site.ValidatorFiles.Folder}/{Site.ValidatorFiles.HandbookData}") site.WriteValidatorHandbook();
        var output = site.Output;
        var file = Resolve(output, path);
        var problems = site.Problems;
        if (problems.Count > 0 && (file is null ? path.EndsWith(".html", StringComparison.Ordinal) : file.EndsWith(".html", StringComparison.Ordinal)))
        {
            await Page(context, DiagnosticsPage.Render(problems, Root(path), reload.Tag(path)));
            return;
        }
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(output, Site.SiteUrls.NotFound);
            // The site's 404.html, whose links are from the root: a <base> makes them work at the request's depth.
            if (File.Exists(notFound)) await Page(context, Inject(WithBase(await File.ReadAllTextAsync(notFound), Root(path)), reload.Tag("/" + Site.SiteUrls.NotFound)));
            else await context.Response.WriteAsync("页面不存在");
            return;
        }
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await Page(context, Inject(await File.ReadAllTextAsync(file), reload.Tag(path)));
            return;
        }
        context.Response.ContentType = Types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(file);
    }

    /// <summary>The file a request path names inside the site folder, or null when there is none or it would leave it.</summary>
    public static string? Resolve(string output, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s.StartsWith('.') || s.Contains('\\', StringComparison.Ordinal) || s.Contains('\0', StringComparison.Ordinal) || s.Contains(':', StringComparison.Ordinal)))
            return null;
        var current = output;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            // A link (to a file or a folder) could lead anywhere: the site is built by copying, so it has none of its own.
            if (new FileInfo(current).LinkTarget is not null) return null;
        }
        var full = Path.GetFullPath(current);
        return full.StartsWith(Path.TrimEndingDirectorySeparator(output) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)
            ? full
            : null;
    }

    /// <summary>The reload script, added at the end of the page's body.</summary>
    private static string Inject(string html, string script)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + script : string.Concat(html.AsSpan(0, end), script, html.AsSpan(end));
    }

    /// <summary>The page with a &lt;base href&gt; at the start of its head (none needed at the root).</summary>
    private static string WithBase(string html, string root)
    {
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return root.Length == 0 || head < 0 ? html : html.Insert(head + "<head>".Length, $"\n<base href=\"{root}\">");
    }

    private static string Root(string path) => string.Concat(Enumerable.Repeat("../", Math.Max(0, path.Count(c => c == '/') - 1)));

    private static Task Page(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }
}
