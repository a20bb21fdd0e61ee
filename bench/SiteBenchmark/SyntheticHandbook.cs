using System.Globalization;
using System.Text;

namespace Handbook.SiteBenchmark;

/// <summary>
/// Writes a synthetic handbook of plausible Chinese chapters (about 9 KB of Markdown each, with headings,
/// lists, a table and links to other chapters; two schedule items each, 5 reminders a year, about the default
/// handbook's 6), and the same Markdown as a Hugo site with a minimal layout.
/// Deterministic: the same count gives the same files.
/// </summary>
internal static class SyntheticHandbook
{
    private const int ChaptersPerPart = 100;

    private static readonly string[] Phrases =
    [
        "党支部", "党小组", "支部委员会", "全体党员", "组织生活", "按照规定", "认真组织", "学习贯彻", "上级党组织",
        "工作要求", "记录完整", "按时召开", "民主评议", "谈心谈话", "主题党日", "发展党员", "党费收缴", "教育培训",
        "检查考核", "责任落实", "问题整改", "群众意见", "生产经营", "安全质量", "项目现场", "班组建设", "示范岗位",
        "季度总结", "年度计划", "台账资料", "签字确认", "及时报送", "公开公示", "批评与自我批评", "理论学习",
        "联系群众", "先锋模范作用", "组织关系", "换届选举", "请示报告", "工作例会", "会议纪要", "落实情况",
    ];

    private static readonly string[] Headings = ["做什么", "谁来做", "怎么做", "何时做", "做到什么程度"];

    public static void Write(string handbook, string hugo, int chapters)
    {
        var parts = (chapters + ChaptersPerPart - 1) / ChaptersPerPart;
        Directory.CreateDirectory(Path.Combine(handbook, "forms"));
        var yml = new StringBuilder("title: 合成测试手册\norganization: 基准测试单位\nedition: 2026年版\nparts:\n");
        for (var p = 1; p <= parts; p++) yml.Append(CultureInfo.InvariantCulture, $"  - folder: p{p:D2}\n    title: 第{p}篇 合成篇目\n");
        yml.Append("grading:\n  - grade: 合格\n    min: 60\n  - grade: 不合格\n    min: 0\n");
        File.WriteAllText(Path.Combine(handbook, "handbook.yml"), yml.ToString());

        WriteHugoSkeleton(hugo);
        Parallel.For(0, chapters, i =>
        {
            var random = new Random(i);
            var (part, id) = (Folder(i), Id(i));
            var body = Body(i, chapters, random);
            var title = $"{Phrases[random.Next(Phrases.Length)]}{Phrases[random.Next(Phrases.Length)]}制度（{id}）";
            Write(Path.Combine(handbook, part, id + ".md"), FrontMatter(id, title, i % ChaptersPerPart + 1) + body);
            Write(Path.Combine(hugo, "content", part, id + ".md"), $"---\ntitle: \"{title}\"\n---\n" + body);
        });
    }

    private static string Folder(int i) => $"p{i / ChaptersPerPart + 1:D2}";

    private static string Id(int i) => $"C{i + 1:D5}";

    private static string FrontMatter(string id, string title, int order) => $"""
        ---
        id: {id}
        title: {title}
        order: {order}
        owner: 支部书记
        schedule:
          - task: 召开{title[..4]}工作会
            every: quarter
            due: "3-20"
          - task: 报送年度总结
            every: year
            due: "12-25"
        scoring:
          - item: 按时开展工作，记录完整
            points: 1
            deduct: 少开一次扣0.5分
        revised: 2026-01-15
        ---

        """;

    private static string Body(int i, int chapters, Random random)
    {
        var text = new StringBuilder();
        foreach (var heading in Headings)
        {
            text.Append("## ").Append(heading).Append("\n\n");
            var paragraphs = heading is "怎么做" or "做到什么程度" ? 4 : 3;
            for (var n = 0; n < paragraphs; n++) text.Append(Paragraph(random)).Append("\n\n");
            if (heading == "怎么做")
            {
                for (var n = 1; n <= 5; n++) text.Append(CultureInfo.InvariantCulture, $"{n}. **{Phrases[random.Next(Phrases.Length)]}。** {Sentence(random)}\n");
                var other = random.Next(chapters);
                text.Append(CultureInfo.InvariantCulture, $"\n详见[相关章节](../{Folder(other)}/{Id(other)}.md#怎么做)和[下一章](../{Folder((i + 1) % chapters)}/{Id((i + 1) % chapters)}.md)。\n\n");
            }
            if (heading == "谁来做")
            {
                text.Append("| 角色 | 职责 |\n|---|---|\n");
                for (var n = 0; n < 4; n++) text.Append(CultureInfo.InvariantCulture, $"| {Phrases[random.Next(Phrases.Length)]} | {Sentence(random)} |\n");
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Paragraph(Random random)
    {
        var text = new StringBuilder();
        for (var n = 0; n < 4; n++) text.Append(Sentence(random));
        return text.ToString();
    }

    private static string Sentence(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(6, 11);
        for (var n = 0; n < count; n++) text.Append(Phrases[random.Next(Phrases.Length)]).Append(n % 3 == 2 ? "，" : "");
        return text.Append('。').ToString();
    }

    private static void WriteHugoSkeleton(string hugo)
    {
        Write(Path.Combine(hugo, "hugo.toml"), """
            baseURL = "http://localhost/"
            languageCode = "zh-cn"
            title = "合成测试手册"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
            """);
        Write(Path.Combine(hugo, "layouts", "_default", "single.html"),
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>\n");
        Write(Path.Combine(hugo, "layouts", "_default", "list.html"),
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
