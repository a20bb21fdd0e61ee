using System.Buffers;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Packaging;

/// <summary>
/// What a record's external relationships (TargetMode="External", hyperlinks aside) mean for the reviewer who
/// opens it. Content fetched from another machine on opening — a remote attached template, frame, linked image
/// or OLE object over http(s), ftp, a UNC path — is an error: template injection is a known phishing technique,
/// and a UNC path leaks the reviewer's Windows credentials. A template on a local path is what WPS and Word
/// record for their own templates: a warning. Other content linked to a local file is only missing on
/// another computer: a warning. One finding per kind, with the count and the first target.
/// </summary>
internal static class ExternalContent
{
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    public static IEnumerable<Finding> Check(IEnumerable<(string Type, string Target)> relationships) =>
        relationships
            .GroupBy(r => (Kind: r.Type[(r.Type.LastIndexOf('/') + 1)..], Remote: IsRemote(r.Target)))
            .Select(g => Describe(g.Key.Kind, g.Key.Remote, g.Count(), g.First().Target));

    private static Finding Describe(string kind, bool remote, int count, string target)
    {
        var what = $"{count} 个{Noun(kind)}";
        var shown = Shown(target) + (count > 1 ? " 等" : "");
        if (remote)
            return Finding.Error(Codes.RemoteContent, kind == "attachedTemplate"
                ? $"文档的附加模板指向外部地址（{shown}），打开时会从该地址下载模板，这是常见的钓鱼手法；请在 Word“开发工具 → 文档模板”中去掉附加模板后重新提交"
                : $"文档含有 {what}，指向外部地址（{shown}），打开时会从该地址获取内容；请删除这些引用或改为嵌入后重新提交");
        return kind == "attachedTemplate"
            ? Finding.Warning(Codes.LocalTemplate, $"文档附加了本机模板（{shown}），为 WPS 或 Word 自带的模板路径，不影响检查")
            : Finding.Warning(Codes.LinkedContent, $"文档含有 {what}，链接到本机文件（{shown}），在其他电脑上找不到这些文件；如需保留请改为嵌入");
    }

    private static string Noun(string kind) => kind switch
    {
        "attachedTemplate" => "附加模板",
        "image" => "外部链接图片",
        "oleObject" => "链接的 OLE 对象",
        "frame" => "外部框架网页",
        "subDocument" => "子文档",
        "mailMergeSource" or "recipientData" => "邮件合并数据源",
        "audio" or "video" or "media" => "外部音视频",
        _ => $"外部资源（{Shown(kind)}）",
    };

    private static string Shown(string text) => Finding.Excerpt(text, 120);

    /// <summary>
    /// Whether opening the target reaches another machine: any scheme but file (http, https, ftp, mhtml…), a UNC
    /// path (\\server\share, file://server/share). A drive path, file:///C:/…, file://localhost/… or a relative
    /// path stays on the reviewer's machine.
    /// </summary>
    public static bool IsRemote(string target)
    {
        var t = target.Trim().Replace('\\', '/');
        if (t.StartsWith("//", StringComparison.Ordinal)) return true;
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        // No scheme (a relative path), or a drive letter (C:/…).
        if (colon <= 1 || t.AsSpan(0, colon).ContainsAnyExcept(SchemeCharacters)) return false;
        if (!t.AsSpan(0, colon).Equals("file", StringComparison.OrdinalIgnoreCase)) return true;
        var rest = t[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal)) return false;
        var path = rest[2..];
        if (path.StartsWith("//", StringComparison.Ordinal)) return true; // file:////server/share
        var host = path.Split('/')[0];
        return host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }
}
