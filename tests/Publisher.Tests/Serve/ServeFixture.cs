using Handbook.Publisher.Serve;

namespace Handbook.Tests.Serve;

/// <summary>A copy of the default handbook (the tests edit it) served by `serve` on a free loopback port.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    /// <summary>Above the validator's per-file limit (20 MB), so that a file over it reaches the validator; and small, so that an oversized request is cheap to make.</summary>
    public const int MaxUploadMb = 24;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "handbook-serve-test-" + Guid.NewGuid().ToString("N"));
    private PreviewServer? _server;

    public string Source => Path.Combine(_root, "handbook");

    public string Url => _server!.Url;

    internal PreviewServer Server => _server!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        Copy(RepositoryPaths.Handbook, Source);
        _server = new PreviewServer(new ServeOptions(new DirectoryInfo(Source), new DirectoryInfo(RepositoryPaths.Templates), "127.0.0.1", 0, MaxUploadMb, 2026),
            TextWriter.Null);
        await _server.StartAsync();
        Client.BaseAddress = new Uri(Url);
    }

    /// <summary>The page's text once it satisfies the condition (the server rebuilds in the background).</summary>
    public async Task<string> WaitFor(string path, Func<string, bool> condition)
    {
        var text = "";
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            text = await Client.GetStringAsync(path);
            if (condition(text)) return text;
        }
        Assert.Fail($"{path} never showed what was expected; last seen:\n{text[..Math.Min(text.Length, 2000)]}");
        return text;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
