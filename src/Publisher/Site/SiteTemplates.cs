using HandlebarsDotNet;
using Handbook.Publisher.Build;

namespace Handbook.Publisher.Site;

/// <summary>
/// The site's Handlebars templates: templates/site/layouts/&lt;page&gt;.hbs (one per kind of page) and
/// templates/site/partials/&lt;name&gt;.hbs (shared pieces, used as {{> name}}). Compiled once; rendering is
/// thread-safe, so pages render in parallel.
/// </summary>
internal sealed class SiteTemplates
{
    public const string LayoutsFolder = "layouts";
    public const string PartialsFolder = "partials";
    public const string StaticFolder = "static";

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _layouts;

    private SiteTemplates(Dictionary<string, HandlebarsTemplate<object, object>> layouts) => _layouts = layouts;

    /// <param name="folder">templates/site</param>
    public static SiteTemplates Load(string folder)
    {
        var handlebars = Handlebars.Create();
        foreach (var file in Files(folder, PartialsFolder))
            handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        var layouts = Files(folder, LayoutsFolder).ToDictionary(
            file => Path.GetFileNameWithoutExtension(file),
            file => Compile(handlebars, folder, file));
        return new SiteTemplates(layouts);
    }

    public string Render(string layout, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
            throw new BuildException($"错误：缺少网站模板 {LayoutsFolder}/{layout}.hbs。");
        return template(model);
    }

    private static IEnumerable<string> Files(string folder, string subfolder)
    {
        var path = Path.Combine(folder, subfolder);
        if (!Directory.Exists(path)) throw new BuildException($"错误：找不到网站模板文件夹“{path}”。");
        return Directory.EnumerateFiles(path, "*.hbs").Order(StringComparer.Ordinal);
    }

    private static HandlebarsTemplate<object, object> Compile(IHandlebars handlebars, string folder, string file)
    {
        try
        {
            return handlebars.Compile(File.ReadAllText(file));
        }
        catch (HandlebarsException e)
        {
            throw new BuildException($"{Path.GetRelativePath(folder, file)}：模板有语法错误：{e.Message}");
        }
    }
}
