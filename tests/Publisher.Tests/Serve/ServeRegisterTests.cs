using System.Net;
using System.Text.Json.Nodes;
using Handbook.Loading;
using Handbook.Publisher.Serve;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Register;

namespace Handbook.Tests.Serve;

/// <summary>
/// `serve --register`: /api/validate?register=1 stores what it checks, /compliance shows the report from the register,
/// and two instances sharing one PostgreSQL register (HANDBOOK_TEST_POSTGRES, set by test.sh) see each other's records.
/// </summary>
public sealed class ServeRegisterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("serve-register-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Meeting(string unit, string date)
    {
        var book = BookLoader.Load(RepositoryPaths.Handbook).Book!;
        var form = book.FindForm("F03")!;
        var values = SampleValues.Valid(book, form);
        (values["branch"], values["meeting_date"], values["review_date"]) = (unit, date, date);
        return new FormRecords(book, RepositoryPaths.Templates).Filled(form, values);
    }

    private static async Task<PreviewServer> Start(string? register)
    {
        var server = new PreviewServer(new ServeOptions(new DirectoryInfo(RepositoryPaths.Handbook), new DirectoryInfo(RepositoryPaths.Templates),
            "127.0.0.1", 0, 10, 2026, register), TextWriter.Null);
        await server.StartAsync();
        return server;
    }

    private static async Task<(HttpStatusCode Status, string Body)> Post(HttpClient client, string query, params (string Name, byte[] Data)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, data) in files) form.Add(new ByteArrayContent(data), ValidationEndpoint.Field, name);
        var response = await client.PostAsync("api/validate" + query, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each file's `registered` finding: what storing it did.</summary>
    private static string[] Registered(string body) => [.. JsonNode.Parse(body)!["files"]!.AsArray()
        .Select(f => f!["errors"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "registered")!["message"]!.GetValue<string>())];

    [Fact]
    public async Task Stores_on_request_and_shows_the_compliance_live()
    {
        await using var server = await Start(Path.Combine(_folder, "register.db"));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };
        var january = Meeting("第一党支部", "2026-01-10");

        // Without register=1 nothing is stored.
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "", ("a.docx", january))).Status);
        Assert.DoesNotContain("第一党支部", await client.GetStringAsync("compliance?period=2026Q1"), StringComparison.Ordinal);

        var (status, body) = await Post(client, "?register=1", ("a.docx", january), ("b.docx", Meeting("第一党支部", "2026-02-10")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["已存入登记库", "已存入登记库"], Registered(body));
        Assert.Contains("未再存", Assert.Single(Registered((await Post(client, "?register=1", ("again.docx", january))).Body)), StringComparison.Ordinal);

        var page = await client.GetAsync("compliance?period=2026Q1");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("第一党支部", html, StringComparison.Ordinal);
        Assert.Contains("2/3 <small>不全</small>", html, StringComparison.Ordinal);
        // The page's own style and script run under the policy sent with it (by hash), nothing else.
        Assert.Contains("script-src 'sha256-", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("compliance?period=2026Q5")).StatusCode);
    }

    [Fact]
    public async Task Register_1_without_a_register_is_refused_in_chinese()
    {
        await using var server = await Start(null);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };
        var (status, body) = await Post(client, "?register=1", ("a.docx", Meeting("第一党支部", "2026-01-10")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("未启用登记库", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("compliance?period=2026Q1")).StatusCode);
    }

    [Fact]
    public async Task Two_instances_share_one_postgresql_register()
    {
        var server = Environment.GetEnvironmentVariable("HANDBOOK_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "HANDBOOK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL");
        // A schema of its own: the validator's register tests clear theirs at the same time.
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS serve_register", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = server + ";Search Path=serve_register";
        using (var store = RegisterStore.Open(connection)) store.Clear();
        await using var one = await Start(connection);
        await using var two = await Start(connection);
        using var first = new HttpClient { BaseAddress = new Uri(one.Url), Timeout = TimeSpan.FromMinutes(2) };
        using var second = new HttpClient { BaseAddress = new Uri(two.Url), Timeout = TimeSpan.FromMinutes(2) };

        Assert.Equal(HttpStatusCode.OK, (await Post(first, "?register=1", ("a.docx", Meeting("第二党支部", "2026-01-10")))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Post(second, "?register=1", ("b.docx", Meeting("第二党支部", "2026-02-10")))).Status);
        Assert.Contains("2/3 <small>不全</small>", await first.GetStringAsync("compliance?period=2026Q1"), StringComparison.Ordinal);
        Assert.Contains("2/3 <small>不全</small>", await second.GetStringAsync("compliance?period=2026Q1"), StringComparison.Ordinal);
    }
}
