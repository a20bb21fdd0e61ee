using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Handbook.ServeBenchmark;

/// <summary>A server program (publisher serve, hugo server) run on a free loopback port until disposed.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Url = $"http://127.0.0.1:{port}/";
    }

    public string Url { get; }

    public int Id => _process.Id;

    /// <summary>Starts the program with the port (from <paramref name="arguments"/>) and waits until <paramref name="ready"/> answers.</summary>
    public static async Task<ServerProcess> Start(string program, Func<int, string[]> arguments, string ready)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments(port)) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        // The access log and Hugo's messages are read and dropped, so that the pipe never fills.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [{Path.GetFileName(program)}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(10); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
            try
            {
                if ((await client.GetAsync(server.Url + ready)).IsSuccessStatusCode) return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        server.Dispose();
        throw new TimeoutException($"{program} did not answer");
    }

    /// <summary>The resident memory of the process, in MB (Linux).</summary>
    public double ResidentMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
