using System.Globalization;
using System.Net;
using System.Text;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The page shown in place of every page while the sources have errors: each diagnostic as `check` gives it (file,
/// line, column, code, message) with the line of source it points at. Every value is escaped.
/// </summary>
internal static class DiagnosticsPage
{
    /// <param name="root">The way back to the site root from the page asked for ("" or "../" repeated).</param>
    /// <param name="reload">The reload script's element: the page comes back by itself once the sources are fixed.</param>
    public static string Render(IReadOnlyList<Diagnostic> diagnostics, string root, string reload)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>手册有错误</title>
            <link rel="stylesheet" href="{root}static/site.css">
            </head>
            <body>
            <main id="diagnostics">
            <h1>手册有错误，页面暂不能显示</h1>
            <p>发现 {errors} 个错误，{diagnostics.Count - errors} 个警告（与 publisher check 所报相同）。改正并保存后，本页会自动恢复。</p>
            <ol>

            """);
        foreach (var d in diagnostics)
        {
            var place = d.Line > 0 ? $"{d.Path}:{d.Line}:{d.Column}" : d.Path;
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"diagnostic\"><p><code>{Escape(place)}</code> {(d.Severity == Severity.Error ? "错误" : "警告")} <code>{Escape(d.Code)}</code></p>\n<p class=\"message\">{Escape(d.Message)}</p>\n");
            if (SourceLine(d) is { } line)
                html.Append(CultureInfo.InvariantCulture, $"<pre class=\"source\">{Escape(line)}\n{new string(' ', Math.Max(0, d.Column - 1))}^</pre>\n");
            html.Append("</li>\n");
        }
        html.Append("</ol>\n</main>\n").Append(reload).Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The line the diagnostic points at, read from the file as the user named it; null when there is none.</summary>
    private static string? SourceLine(Diagnostic d)
    {
        if (d.Line <= 0 || d.Path.Length == 0) return null;
        try
        {
            return File.ReadLines(d.Path).Skip(d.Line - 1).FirstOrDefault()?.TrimEnd('\r');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
