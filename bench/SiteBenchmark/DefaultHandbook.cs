using System.Globalization;
using System.Text;

namespace Handbook.SiteBenchmark;

/// <summary>
/// The default handbook's Markdown, as the tools it is compared with take it: an MkDocs project (one page per
/// article, a navigation by part, the images) and the list of chapter files that Pandoc joins into one .docx.
/// Front matter is left out of both (neither tool reads it as the handbook does).
/// </summary>
internal static class DefaultHandbook
{
    /// <summary>Writes the MkDocs project and the chapters; returns the chapter files in reading order.</summary>
    public static List<string> Write(string handbook, string mkdocs, string chapters)
    {
        var docs = Path.Combine(mkdocs, "docs");
        var nav = new StringBuilder("site_name: 基层党建工作标准化管理手册\ntheme: mkdocs\nuse_directory_urls: false\nnav:\n");
        var files = new List<string>();
        // The parts in the order handbook.yml lists them: `- folder: rules` lines.
        var folders = File.ReadLines(Path.Combine(handbook, "handbook.yml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- folder:", StringComparison.Ordinal))
            .Select(l => l["- folder:".Length..].Trim()).ToList();
        foreach (var folder in folders)
        {
            nav.Append(CultureInfo.InvariantCulture, $"  - {folder}:\n");
            foreach (var article in Directory.EnumerateFiles(Path.Combine(handbook, folder), "*.md").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(article);
                var body = WithoutFrontMatter(File.ReadAllText(article));
                Write(Path.Combine(docs, folder, name), body);
                var chapter = Path.Combine(chapters, $"{files.Count:D3}-{name}");
                Write(chapter, body);
                files.Add(chapter);
                nav.Append(CultureInfo.InvariantCulture, $"    - {folder}/{name}\n");
            }
        }
        Write(Path.Combine(docs, "index.md"), "# 基层党建工作标准化管理手册\n");
        var assets = Path.Combine(handbook, "assets");
        if (Directory.Exists(assets))
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(docs, "assets", Path.GetRelativePath(assets, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        Write(Path.Combine(mkdocs, "mkdocs.yml"), nav.ToString());
        return files;
    }

    private static string WithoutFrontMatter(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return text;
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[(text.IndexOf('\n', end + 1) + 1)..];
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
