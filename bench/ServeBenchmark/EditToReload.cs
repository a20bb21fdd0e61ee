using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Handbook.ServeBenchmark;

/// <summary>
/// From saving an article to the new text being served, in milliseconds, edit after edit. For publisher serve, as a
/// browser sees it: the reload event, then the page fetched again (until it has the new text). For hugo server, whose
/// reload signal is a WebSocket: the page is fetched every 2 ms until it has the new text (which Hugo serves before it
/// signals).
/// </summary>
internal static class EditToReload
{
    /// <summary>Between edits: the background work of one (downloads) is not timed as the next one's.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1.5);

    public static async Task<List<double>> Publisher(ServerProcess server, string file, string page, int edits)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var events = await client.GetAsync(server.Url + "_serve/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        var versions = Channel.CreateUnbounded<long>();
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal)) versions.Writer.TryWrite(long.Parse(line[6..], CultureInfo.InvariantCulture));
        });
        await versions.Reader.ReadAsync();
        return await Edits(file, edits, async marker =>
        {
            while (true)
            {
                await versions.Reader.ReadAsync();
                if ((await client.GetStringAsync(server.Url + page)).Contains(marker, StringComparison.Ordinal)) return;
            }
        }, () => { while (versions.Reader.TryRead(out _)) { } });
    }

    public static async Task<List<double>> Polling(string url, string file, int edits)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return await Edits(file, edits, async marker =>
        {
            while (!(await client.GetStringAsync(url)).Contains(marker, StringComparison.Ordinal)) await Task.Delay(2);
        }, () => { });
    }

    private static async Task<List<double>> Edits(string file, int edits, Func<string, Task> shown, Action settle)
    {
        var original = await File.ReadAllTextAsync(file);
        var times = new List<double>();
        try
        {
            for (var i = 0; i < edits; i++)
            {
                await Task.Delay(Pause);
                settle();
                var marker = $"第{i + 1}次编辑{Guid.NewGuid():N}";
                var watch = Stopwatch.StartNew();
                await File.WriteAllTextAsync(file, $"{original}\n新增段落{marker}。\n");
                var wait = shown(marker);
                if (await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMinutes(1))) != wait) throw new TimeoutException("the edit was never shown");
                await wait;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
        }
        return times;
    }
}
