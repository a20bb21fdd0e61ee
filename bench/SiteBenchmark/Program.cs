using Handbook.SiteBenchmark;

// Side by side, the median of the runs:
//   default mode: a synthetic handbook's site against Hugo building the same Markdown (and the default handbook);
//   --default:    the default handbook against MkDocs (the site) and Pandoc (the chapters into one .docx).
// Usage: dotnet run -c Release --project bench/SiteBenchmark -- [chapters=5000] [runs=5] [--default] [--keep] [--in DIR]
// --keep leaves the generated handbooks and sites, for profiling; --in puts them in DIR (default: the temporary folder).
var numbers = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToList();
var defaultOnly = args.Contains("--default");
var chapters = numbers.Count > 0 && !defaultOnly ? numbers[0] : 5000;
var runs = defaultOnly ? numbers.Count > 0 ? numbers[0] : 10 : numbers.Count > 1 ? numbers[1] : 5;
var keep = args.Contains("--keep");
var inIndex = Array.IndexOf(args, "--in");
var repository = FindRepository();
var work = Path.Combine(inIndex >= 0 ? args[inIndex + 1] : Path.GetTempPath(), "site-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    // The publisher as it is installed for real use: `dotnet publish` (precompiled, see Publisher.csproj).
    Console.WriteLine("发布 publisher（dotnet publish -c Release）…");
    var publisher = Path.Combine(work, "publisher", "publisher");
    Rounds.Run("dotnet", ["publish", Path.Combine(repository, "src", "Publisher"), "-c", "Release", "-o", Path.GetDirectoryName(publisher)!, "--nologo", "-v", "quiet"]);
    var templates = Path.Combine(repository, "templates");
    var handbook = Path.Combine(repository, "handbook");
    Build Publisher(string name, string source, params string[] only) => new(name, folder => (publisher,
        ["build", .. only.Length > 0 ? ["--only", .. only] : Array.Empty<string>(), "--source", source, "--templates", templates, "--out", folder]));

    if (defaultOnly)
    {
        var mkdocs = Path.Combine(work, "mkdocs");
        var pandocChapters = DefaultHandbook.Write(handbook, mkdocs, Path.Combine(work, "chapters"));
        // The machine is shared and its load drifts: the tools take turns, so all see the same load.
        var results = Rounds.Measure(work, runs,
            Publisher("publisher build --only site（默认手册）", handbook, "site"),
            new Build("mkdocs build（同一批 Markdown）", folder => ("mkdocs", ["build", "--quiet", "--config-file", Path.Combine(mkdocs, "mkdocs.yml"), "--site-dir", folder])),
            Publisher("publisher build（全部输出）", handbook),
            Publisher("publisher build --only forms handbook（印刷版手册和全部表单）", handbook, "forms", "handbook"),
            new Build("pandoc（各章合成一个 .docx）", folder =>
            {
                Directory.CreateDirectory(folder);
                return ("pandoc", [.. pandocChapters, "-o", Path.Combine(folder, "handbook.docx")]);
            }));
        Rounds.Print(results);
        Console.WriteLine($"\n网站：publisher 用时是 mkdocs 的 {results[0].RatioTo(results[1]):F2} 倍；全部输出是 mkdocs 只建网站的 {results[2].RatioTo(results[1]):F2} 倍；" +
            $"印刷版手册和全部表单是 pandoc 只转各章的 {results[3].RatioTo(results[4]):F2} 倍（逐轮比值的中位数，小于 1 即更快）。");
        return 0;
    }

    Console.WriteLine($"生成合成手册：{chapters} 章 …");
    SyntheticHandbook.Write(Path.Combine(work, "handbook"), Path.Combine(work, "hugo"), chapters);
    var markdown = Directory.EnumerateFiles(Path.Combine(work, "handbook"), "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"Markdown 共 {markdown / 1024.0 / 1024.0:F1} MB，平均每章 {markdown / 1024.0 / chapters:F1} KB");

    var measured = Rounds.Measure(work, runs,
        Publisher("publisher build --only site（合成手册）", Path.Combine(work, "handbook"), "site"),
        new Build("hugo（同一批 Markdown，最简布局）", folder => ("hugo", ["--quiet", "--source", Path.Combine(work, "hugo"), "--destination", folder])),
        Publisher("publisher build --only site（默认手册）", handbook, "site"),
        Publisher("publisher build（默认手册，全部输出）", handbook));
    var (synthetic, hugo) = (measured[0], measured[1]);
    Rounds.Print(measured);
    Console.WriteLine($"\n合成手册：publisher 用时是 hugo 的 {synthetic.Seconds / hugo.Seconds:F2} 倍，CPU 时间是 {synthetic.Cpu / hugo.Cpu:F2} 倍（中位数之比）；" +
        $"逐轮比值的中位数：用时 {synthetic.RatioTo(hugo):F2} 倍，CPU {synthetic.CpuRatioTo(hugo):F2} 倍（小于 1 即比 hugo 快）。");
    return 0;
}
finally
{
    if (keep) Console.WriteLine($"保留在 {work}");
    else if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}

static string FindRepository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Handbook.sln"))) directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Handbook.sln not found");
}
