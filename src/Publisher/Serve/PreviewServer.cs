using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Handbook.Validator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Handbook.Publisher.Serve;

/// <param name="Source">The handbook folder, as the user named it.</param>
/// <param name="Templates">The templates folder, as the user named it.</param>
/// <param name="Port">0: any free port (tests).</param>
/// <param name="MaxUploadMb">The largest request body, in MB; larger gets 413.</param>
/// <param name="Register">The register (an SQLite file or a PostgreSQL connection string) that /api/validate?register=1 stores into; null: none.</param>
internal sealed record ServeOptions(DirectoryInfo Source, DirectoryInfo Templates, string Host, int Port, int MaxUploadMb, int Year, string? Register = null);

/// <summary>
/// How many validation requests are served at once, how many of them check their records at once, and how many more
/// requests may wait for a turn; the rest are told to come back.
/// </summary>
/// <param name="Receiving">Requests served at once, their uploads read into memory (each up to --max-upload-mb). More than
/// the cores: an upload arrives at the network's pace, and one of 18 MB must not keep a core's turn while it does.</param>
/// <param name="Running">Requests checking their records at once (CPU work): one per core.</param>
internal sealed record ValidationBound(int Receiving, int Running, int Waiting)
{
    public static ValidationBound Default { get; } = new(4 * Environment.ProcessorCount, Environment.ProcessorCount, 64);
}

/// <summary>
/// `publisher serve`: the live preview (the site, rebuilt as the sources change, open pages reloading) and the
/// validation API, on one ASP.NET Core server. It keeps nothing that several instances would have to share (the
/// register, with --register, is in the database they name).
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly TextWriter _log;
    private readonly PreviewSite _site;
    private readonly ReloadChannel _reload = new();
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private SourceWatcher? _watcher;
    private RecordValidator? _validator;
    private Model.Book? _validated;

    /// <param name="bound">The validations at once; <see cref="ValidationBound.Default"/> unless a test wants a small one.</param>
    public PreviewServer(ServeOptions options, TextWriter log, ValidationBound? bound = null)
    {
        bound ??= ValidationBound.Default;
        _options = options;
        _log = log;
        _site = new PreviewSite(options.Source, options.Templates, options.Year);
        var maxBytes = (long)options.MaxUploadMb * 1024 * 1024;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxBytes;
        });
        builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>>(new ReceiveBufferPool());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter("validate", o =>
            {
                o.PermitLimit = bound.Receiving;
                o.QueueLimit = bound.Waiting;
                o.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = (rejected, token) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ValidationEndpoint.Error(rejected.HttpContext, StatusCodes.Status503ServiceUnavailable,
                    "服务器正忙，请稍后重试。"));
            };
        });
        _app = builder.Build();
        var access = new AccessLog(log);
        var files = new StaticSite(_site, _reload);
        var register = options.Register is null ? null : new ServedRegister(options.Register, options.Source);
        var validate = new ValidationEndpoint(Validator, maxBytes, register, bound.Running);
        var stopping = _app.Lifetime.ApplicationStopping;
        _app.Use(access.Write);
        _app.Use(SecurityHeaders.Apply);
        _app.UseRateLimiter();
        _app.MapGet("/healthz", () => Results.Text("ok"));
        _app.MapPost(ValidationEndpoint.Path, validate.Handle).RequireRateLimiting("validate");
        if (register is not null)
            _app.MapGet(ServedRegister.Path, context => register.Compliance(context, _site.Book)).RequireRateLimiting("validate");
        _app.MapGet(ReloadChannel.Events, context => _reload.Stream(context, stopping));
        _app.MapGet(ReloadChannel.Script, _reload.WriteScript);
        _app.MapMethods("/{**path}", ["GET", "HEAD"], files.Serve);
    }

    /// <summary>The address served, e.g. http://127.0.0.1:5080/.</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    /// <summary>The folder the site is served from (it changes with each full build).</summary>
    public string Output => _site.Output;

    /// <summary>Builds the site, starts serving it and watching the sources.</summary>
    public async Task StartAsync()
    {
        _site.Build();
        await _app.StartAsync();
        _watcher = new SourceWatcher([_options.Source.FullName, _options.Templates.FullName], Changed);
    }

    /// <summary>Applies a batch of changes, then tells the open pages.</summary>
    private void Changed(IReadOnlyCollection<string> files)
    {
        var start = Stopwatch.GetTimestamp();
        _site.Apply(files);
        _reload.Changed();
        var state = _site.Problems.Count > 0 ? $"有 {_site.Problems.Count} 个问题，页面显示诊断" : "已更新";
        lock (_log) _log.WriteLine($"{files.Count} 个文件有变化：{state}（{Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms）");
    }

    /// <summary>A validator for the handbook last built, made again when the handbook changes.</summary>
    private RecordValidator? Validator()
    {
        var book = _site.Book;
        if (book is null) return null;
        lock (_gate)
        {
            if (!ReferenceEquals(book, _validated)) (_validator, _validated) = (new RecordValidator(book), book);
            return _validator;
        }
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _site.Dispose();
    }
}
