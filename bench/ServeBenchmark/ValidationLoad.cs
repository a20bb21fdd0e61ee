using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Handbook.ServeBenchmark;

/// <param name="Expected">The answer for this file (its run time left out), taken before the load.</param>
internal sealed record Upload(string Name, byte[] Data, string Expected);

/// <param name="TypicalP99">The p99 of the typical record's answers alone: what hostile files mixed in cost everyone else.</param>
internal sealed record LoadResult(int Requests, double PerSecond, double P50, double P99, double TypicalP99, double Max, int Wrong, int Busy);

/// <summary>Connections posting records to POST /api/validate as fast as answers come, each answer checked.</summary>
internal static partial class ValidationLoad
{
    [GeneratedRegex(@"""seconds"": [0-9.eE+-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Seconds();

    public static string Normalized(string json) => Seconds().Replace(json, "\"seconds\": 0");

    public static async Task<string> Answer(HttpClient client, string url, string name, byte[] data)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(data), "file", name } };
        using var response = await client.PostAsync(url + "api/validate", form);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? Normalized(body) : $"{(int)response.StatusCode}";
    }

    /// <param name="hostileShare">The share of requests that post one of the hostile files.</param>
    public static async Task<LoadResult> Run(string url, Upload typical, Upload[] hostile, double hostileShare, int connections, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { Timeout = TimeSpan.FromMinutes(1) };
        var latencies = new List<(double Ms, bool Typical)>[connections];
        var (wrong, busy) = (0, 0);
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var random = new Random(c);
            var mine = latencies[c] = [];
            while (deadline.Elapsed < duration)
            {
                var upload = random.NextDouble() < hostileShare ? hostile[random.Next(hostile.Length)] : typical;
                var watch = Stopwatch.StartNew();
                var answer = await Answer(client, url, upload.Name, upload.Data);
                mine.Add((watch.Elapsed.TotalMilliseconds, upload == typical));
                if (answer == "503") Interlocked.Increment(ref busy);
                else if (answer != upload.Expected) Interlocked.Increment(ref wrong);
            }
        }));
        var all = latencies.SelectMany(l => l).Select(l => l.Ms).ToList();
        var typicalOnly = latencies.SelectMany(l => l).Where(l => l.Typical).Select(l => l.Ms).ToList();
        return new LoadResult(all.Count, all.Count / deadline.Elapsed.TotalSeconds, Percentiles.Of(all, 0.5), Percentiles.Of(all, 0.99),
            Percentiles.Of(typicalOnly, 0.99), all.Max(), wrong, busy);
    }
}
