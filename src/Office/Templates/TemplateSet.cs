using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Handbook.Office.Templates;

/// <summary>
/// The Scriban templates of one folder of the templates (site, forms), for the site and the forms alike: every
/// *.sbn-html file under it, parsed once when loaded and named by its path without the extension
/// ("layouts/article", "record"). A template sees the model's members as they are named in C# and may use
/// `include "partials/name"`; it must name only variables and members that exist. Every value it writes is
/// HTML-escaped unless it is <see cref="TrustedHtml"/>. Whoever builds owns the set (no static cache); rendering is
/// thread-safe, with a fresh context per render.
/// </summary>
public sealed class TemplateSet
{
    public const string Extension = ".sbn-html";

    private readonly string _folder;
    private readonly Dictionary<string, Template> _templates;
    // Templates with syntax errors, already reported: including one writes nothing rather than report it again.
    private readonly HashSet<string> _broken;
    private readonly ScriptObject _builtins;
    // A fresh context reflects over each model type anew; a build renders thousands of pages with the same few types.
    private readonly ConcurrentDictionary<Type, IObjectAccessor> _accessors = new();

    private TemplateSet(string folder, Dictionary<string, Template> templates, HashSet<string> broken, List<Diagnostic> diagnostics)
    {
        _folder = folder;
        _templates = templates;
        _broken = broken;
        Diagnostics = diagnostics;
        _builtins = TemplateContext.GetDefaultBuiltinObject();
        _builtins.SetValue("include", new IncludeFunction(this), readOnly: true);
    }

    /// <summary>Syntax errors and a missing folder, found when loading; paths relative to the templates folder.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <param name="templates">The templates folder.</param>
    /// <param name="folder">Its subfolder to load, such as "site" or "forms".</param>
    public static TemplateSet Load(string templates, string folder)
    {
        var path = Path.Combine(templates, folder);
        var diagnostics = new List<Diagnostic>();
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(path))
        {
            diagnostics.Add(new Diagnostic(folder, 1, 1, Severity.Error, "template-missing-folder", $"找不到模板文件夹“{path}”"));
            return new TemplateSet(folder, parsed, broken, diagnostics);
        }
        foreach (var file in Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(templates, file).Replace('\\', '/');
            var name = Path.GetRelativePath(path, file).Replace('\\', '/')[..^Extension.Length];
            var template = Template.Parse(File.ReadAllText(file), relative);
            if (template.HasErrors)
            {
                // Scriban reports a mistake and what follows from it; the first is the one to fix.
                var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
                diagnostics.Add(At(first.Span, relative, "template-syntax", $"模板语法错误：{first.Message}"));
                broken.Add(name);
                continue;
            }
            parsed[name] = template;
        }
        return new TemplateSet(folder, parsed, broken, diagnostics);
    }

    /// <summary>Whether the template exists, with or without syntax errors.</summary>
    public bool Contains(string name) => _templates.ContainsKey(name) || _broken.Contains(name);

    /// <summary>The file a template name stands for, relative to the templates folder.</summary>
    public string PathOf(string name) => $"{_folder}/{name}{Extension}";

    /// <summary>Renders a template with the model's entries as its variables.</summary>
    /// <exception cref="TemplateException">The template is missing, names what the model lacks, or fails.</exception>
    public string Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        if (_broken.Contains(name)) return ""; // its syntax error is reported when loading, and stops a build
        if (!_templates.TryGetValue(name, out var template))
            throw new TemplateException(new Diagnostic(PathOf(name), 1, 1, Severity.Error, "template-missing", $"缺少模板“{PathOf(name)}”"));
        var globals = new ScriptObject(model.Count);
        foreach (var (key, value) in model) globals.SetValue(key, value, readOnly: true);
        var context = new EscapingContext(this);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(Describe(e));
        }
    }

    private static Diagnostic Describe(ScriptRuntimeException e) => e switch
    {
        UnknownName u => At(e.Span, "template-unknown-variable", $"模板中的变量“{u.Name}”不存在"),
        UnknownMember u => At(e.Span, "template-unknown-member", $"“{u.Target}”没有成员“{u.Member}”"),
        MissingInclude u => At(e.Span, "template-missing-include", $"包含的模板“{u.Path}”不存在"),
        _ => At(e.Span, "template-error", $"模板出错：{e.OriginalMessage}"),
    };

    private static Diagnostic At(SourceSpan span, string code, string message) => At(span, span.FileName, code, message);

    private static Diagnostic At(SourceSpan span, string path, string code, string message) =>
        new(path, span.Start.Line + 1, span.Start.Column + 1, Severity.Error, code, message);

    private sealed class UnknownName(SourceSpan span, string name) : ScriptRuntimeException(span, $"unknown variable {name}")
    {
        public string Name { get; } = name;
    }

    private sealed class UnknownMember(SourceSpan span, string target, string member) : ScriptRuntimeException(span, $"unknown member {member}")
    {
        public string Target { get; } = target;
        public string Member { get; } = member;
    }

    private sealed class MissingInclude(SourceSpan span, string path) : ScriptRuntimeException(span, $"missing include {path}")
    {
        public string Path { get; } = path;
    }

    /// <summary>A render's context: strict about names, escaping every value that is not trusted HTML.</summary>
    private sealed class EscapingContext : TemplateContext
    {
        private readonly TemplateSet _set;

        public EscapingContext(TemplateSet set) : base(set._builtins)
        {
            _set = set;
            MemberRenamer = member => member.Name;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            TryGetVariable = (TemplateContext _, SourceSpan span, ScriptVariable variable, out object? value) =>
                throw new UnknownName(span, variable.Name);
            // The node being evaluated is the member expression: its target is what the template wrote before the dot.
            TryGetMember = (TemplateContext context, SourceSpan span, object _, string member, out object? value) =>
                throw new UnknownMember(span, (context.CurrentNode as ScriptMemberExpression)?.Target?.ToString() ?? "", member);
            // A page is as long as its content: no limits on loops or output, written as it is.
            LoopLimit = 0;
            LimitToString = 0;
            AutoIndent = false;
            NewLine = "\n";
        }

        public override TemplateContext Write(SourceSpan span, object? value)
        {
            if (value is TrustedHtml trusted) return Write(trusted.Html);
            if (value is null) return this;
            var text = ObjectToString(value);
            return text is null ? this : Write(Escape(text));
        }

        // Scriban picks an accessor by the type alone; shared by the set's renders, a type is reflected over once.
        protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
            _set._accessors.GetOrAdd(target.GetType(), _ => base.GetMemberAccessorImpl(target)!);

        private static string Escape(string text)
        {
            if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
            return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// `include "partials/name"`: renders a template of this set (parsed once, when loaded) with the caller's variables
    /// and any named arguments (`include "partials/reminder-table" items: Due`), and writes it as HTML.
    /// </summary>
    private sealed class IncludeFunction(TemplateSet set) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            var name = arguments.Count > 0 ? context.ObjectToString(arguments[0]) ?? "" : "";
            if (set._broken.Contains(name)) return new TrustedHtml("");
            if (!set._templates.TryGetValue(name, out var template)) throw new MissingInclude(span, set.PathOf(name));
            return new TrustedHtml(context.RenderTemplate(template, arguments, callerContext));
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");
    }
}
