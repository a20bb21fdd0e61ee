using System.Net;
using System.Net.Sockets;
using System.Text;
using Handbook.Loading;
using Handbook.Publisher.Serve;
using Handbook.Validator.Fixtures;

namespace Handbook.Tests.Serve;

/// <summary>A server allowed one validation at a time and none waiting: a second one is refused with 503 and Retry-After.</summary>
public sealed class ServeOverloadTests
{
    [Fact]
    public async Task Validations_beyond_the_bound_are_refused_with_503_and_retry_after()
    {
        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var form = book.FindForm("F03")!;
        var record = new FormRecords(book, RepositoryPaths.Templates).Filled(form, SampleValues.Valid(book, form));
        await using var server = new PreviewServer(
            new ServeOptions(new DirectoryInfo(RepositoryPaths.Handbook), new DirectoryInfo(RepositoryPaths.Templates), "127.0.0.1", 0, 2, 2026),
            TextWriter.Null, new ValidationBound(Receiving: 1, Running: 1, Waiting: 0));
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };

        // A validation whose upload has not come yet holds the only slot: sent by hand with "Expect: 100-continue", the
        // server's "100 Continue" says that its handler runs (it asks for the body only once it has the slot).
        using var whole = Upload(record);
        var body = await whole.ReadAsByteArrayAsync();
        var url = new Uri(server.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/validate HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: {whole.Headers.ContentType}\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.StartsWith("HTTP/1.1 100", await reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal("", await reader.ReadLineAsync());

        // Another one now is refused, not queued.
        using var another = Upload(record);
        var busy = await client.PostAsync("api/validate", another);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter is not null, "no Retry-After");
        Assert.Contains("服务器正忙", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ok", await client.GetStringAsync("healthz")); // only validations are bounded

        // The one holding the slot is answered in full, and the slot is free again.
        await stream.WriteAsync(body);
        var answer = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Contains("\"valid\": true", answer, StringComparison.Ordinal);
        using var after = Upload(record);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/validate", after)).StatusCode);
    }

    private static MultipartFormDataContent Upload(byte[] record) => new() { { new ByteArrayContent(record), "file", "记录.docx" } };
}
