using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using Handbook.Publisher;

namespace Handbook.Tests;

/// <summary>
/// The templates as `check` and `build` see them: values from the handbook come out as text on every page and in
/// every form, and a mistake in a template is a diagnostic at its place, once, with nothing written.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private readonly FixtureHandbook _handbook = new();
    private readonly string _templates;
    private readonly string _site;

    public TemplateTests()
    {
        _templates = Path.Combine(_handbook.Root, "templates-copy");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_templates, Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        _site = Path.Combine(_handbook.Root, "out");
    }

    public void Dispose() => _handbook.Dispose();

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = PublisherCli.Create()
            .Parse([.. args, "--source", _handbook.Root, "--templates", _templates])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private (int Exit, string Output, string Error) Build() => Run("build", "--out", _site, "--year", "2026");

    [Fact]
    public void Markup_and_template_syntax_in_the_handbook_come_out_as_text_on_every_page_and_in_every_form()
    {
        _handbook.Replace("handbook.yml", "title: 测试手册", $"title: \"测试手册{Script}\"");
        _handbook.Replace("handbook.yml", "organization: 测试单位党委", "organization: \"测试单位<b>党委</b>{{ Site.Title }}\"");
        _handbook.Replace("rules/R01.md", "title: 党小组会制度", $"title: \"党小组会{Script}{{{{ Root }}}}\"");
        _handbook.Replace("rules/R01.md", "item: 每月召开党小组会", "item: \"每月召开<i>党小组会</i>\"");
        _handbook.Replace("forms/F01.yml", "label: 党小组名称", "label: \"党小组<u>名称</u>{{ Form.Id }}\"");
        _handbook.Replace("forms/F01.yml", "help: 选择会议日期", $"help: \"选择{Script}会议日期\"");

        var build = Build();

        Assert.True(build.Exit == 0, build.Error);
        var pages = Directory.EnumerateFiles(_site, "*.html", SearchOption.AllDirectories).ToList();
        foreach (var kind in new[] { "index.html", "rules/index.html", "rules/R01.html", "forms.html", "reminders.html", "scoring.html", "search.html", "404.html" })
            Assert.Contains(Path.Combine(_site, kind), pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>党委</b>", html, StringComparison.Ordinal);
            Assert.Contains("测试手册&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("测试单位&lt;b&gt;党委&lt;/b&gt;{{ Site.Title }}", html, StringComparison.Ordinal); // the footer of every page
        }
        foreach (var page in new[] { "index.html", "rules/index.html", "rules/R01.html", "records/L01.html", "scoring.html", "reminders.html" })
            Assert.Contains("党小组会&lt;script&gt;alert(1)&lt;/script&gt;{{ Root }}", File.ReadAllText(Path.Combine(_site, page)), StringComparison.Ordinal);
        foreach (var page in new[] { "rules/R01.html", "scoring.html" })
            Assert.Contains("每月召开&lt;i&gt;党小组会&lt;/i&gt;", File.ReadAllText(Path.Combine(_site, page)), StringComparison.Ordinal);

        // The fillable form and its print-ready blank (which has no prompts).
        foreach (var form in Directory.EnumerateFiles(Path.Combine(_site, "downloads", "forms"), "*.docx"))
        {
            using var document = WordprocessingDocument.Open(form, false);
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("党小组<u>名称</u>{{ Form.Id }}", text, StringComparison.Ordinal); // the label, as the text of its cell
            Assert.Contains($"测试手册{Script}", text, StringComparison.Ordinal);
            if (!form.EndsWith("-打印空白表.docx", StringComparison.Ordinal))
                Assert.Contains($"选择{Script}会议日期", text, StringComparison.Ordinal); // the help, as the placeholder of its control
        }
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(_site, "downloads", "forms"), "*.docx").Count());
    }

    public static TheoryData<string, string, string, string, string> Mistakes => new()
    {
        // template, the text to replace, its replacement, the text the diagnostic points at, code
        { "site/layouts/article.sbn-html", "{{ Owner }}", "{{ Owner ) }}", ")", "template-syntax" },
        { "site/layouts/part.sbn-html", "{{ article.Owner }}", "{{ article.Owenr }}", "Owenr", "template-unknown-member" },
        { "site/layouts/home.sbn-html", "{{ FormCount }}", "{{ FromCount }}", "FromCount", "template-unknown-variable" },
        { "site/layouts/scoring.sbn-html", "{{ include \"partials/downloads\" }}", "{{ include \"partials/download\" }}", "include", "template-missing-include" },
        { "site/partials/page.sbn-html", "{{ Site.Edition }}", "{{ Site.Editon }}", "Editon", "template-unknown-member" },
        { "forms/record.sbn-html", "{{ column.Label }}", "{{ column.Lable }}", "Lable", "template-unknown-member" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_template_mistake_is_reported_once_at_its_line_by_check_and_by_build_which_writes_nothing(
        string template, string find, string replace, string at, string code)
    {
        var path = Path.Combine(_templates, template);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        text = text.Replace(find, replace, StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var offset = text.IndexOf(replace, StringComparison.Ordinal) + replace.IndexOf(at, StringComparison.Ordinal);
        var line = text[..offset].Count(c => c == '\n') + 1;
        var column = offset - text.LastIndexOf('\n', offset - 1);
        var expected = $"{_templates}/{template}:{line}:{column}: error {code}: ";

        var check = Run("check");
        var build = Build();

        Assert.Equal(1, check.Exit);
        Assert.Single(check.Output.Split('\n'), l => l.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains("发现 1 个错误", check.Output, StringComparison.Ordinal);
        Assert.Equal(1, build.Exit);
        Assert.Single(build.Error.Split('\n'), l => l.StartsWith(expected, StringComparison.Ordinal));
        Assert.Single(build.Error.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_site));
    }

    [Fact]
    public void A_form_naming_a_layout_that_does_not_exist_is_reported_at_its_layout_key()
    {
        _handbook.Replace("forms/F01.yml", "period: meeting\n", "period: meeting\nlayout: scorng\n");

        var check = Run("check");

        Assert.Equal(1, check.Exit);
        Assert.StartsWith($"{_handbook.Root}/forms/F01.yml:6:9: error unknown-layout: 版式“scorng”不存在", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_given_as_a_file_name_is_an_invalid_value()
    {
        _handbook.Replace("forms/F01.yml", "period: meeting\n", "period: meeting\nlayout: scoring.hbs\n");

        var check = Run("check");

        Assert.Equal(1, check.Exit);
        Assert.StartsWith($"{_handbook.Root}/forms/F01.yml:6:9: error invalid-value: “layout”的值“scoring.hbs”无效", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_that_does_not_fit_the_scoring_layout_is_reported_by_check_and_stops_the_build()
    {
        _handbook.Replace("forms/F01.yml", "period: meeting\n", "period: meeting\nlayout: scoring\n");

        var check = Run("check");
        var build = Build();

        var expected = $"{_handbook.Root}/forms/F01.yml:1:1: error invalid-layout: 表单 F01 使用评分表版式，但没有表格字段“scores”。";
        Assert.Equal(1, check.Exit);
        Assert.StartsWith(expected, check.Output, StringComparison.Ordinal);
        Assert.Equal(1, build.Exit);
        Assert.StartsWith(expected, build.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site));
    }
}
