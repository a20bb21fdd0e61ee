using Microsoft.Playwright;

namespace Handbook.Tests.Site;

/// <summary>
/// The default handbook built once with every output, served on 127.0.0.1, and one headless Debian
/// Chromium for all the browser tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "handbook-site-" + Guid.NewGuid().ToString("N"));
    private LoopbackSite? _server;
    private IPlaywright? _playwright;

    public string Site => Path.Combine(_root, "site");
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var build = SiteBuild.Run(RepositoryPaths.Handbook, Site);
        Assert.True(build.Exit == 0, build.Error);
        if (!Directory.Exists(Path.Combine(Site, DownloadPaths.Folder)))
        {
            // No download writer is registered yet: give the site one file to link, so the download test still fetches one.
            var book = Handbook.Loading.BookLoader.Load(RepositoryPaths.Handbook).Book!;
            var stand_in = Path.Combine(Site, DownloadPaths.FormDocument(book.Forms[0]));
            Directory.CreateDirectory(Path.GetDirectoryName(stand_in)!);
            await File.WriteAllTextAsync(stand_in, "stand-in until the form writer lands");
            Assert.Equal(0, SiteBuild.Run(RepositoryPaths.Handbook, Site, "--only", "site").Exit);
        }

        _server = await LoopbackSite.Start(Site);
        BaseUrl = _server.BaseUrl;

        _playwright = await Playwright.CreateAsync();
        Browser = await Launch(_playwright);
    }

    /// <summary>Debian's headless Chromium, as every browser test drives it.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"],
    });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
