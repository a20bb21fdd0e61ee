using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Handbook.Loading;
using Handbook.Model;
using Handbook.Tests.Site;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;

namespace Handbook.Tests.Serve;

/// <summary>`publisher serve` on a copy of the default handbook: pages, live rebuild, diagnostics, the validation API, limits, headers.</summary>
public sealed class ServeTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task Serves_pages_with_the_reload_script_and_answers_healthz()
    {
        var home = await fixture.Client.GetStringAsync("index.html");
        Assert.Contains("<script src=\"_serve/reload.js\"", home, StringComparison.Ordinal);
        var article = await fixture.Client.GetStringAsync("rules/R03.html");
        Assert.Contains("党小组会制度", article, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../_serve/reload.js\"", article, StringComparison.Ordinal);
        Assert.Contains("reload()", await fixture.Client.GetStringAsync("_serve/reload.js"), StringComparison.Ordinal);
        Assert.Equal("ok", await fixture.Client.GetStringAsync("healthz"));
        // validate.html's browser validator, and the forms it checks against.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("validator/handbook-validator.js")).StatusCode);
        var data = Handbook.Validator.ValidatorData.Read(await fixture.Client.GetByteArrayAsync("validator/handbook.bin"));
        Assert.Contains(data.Forms, f => f.Id == "F03");
        var missing = await fixture.Client.GetAsync("rules/none.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_edited_chapter_is_served_changed_a_broken_one_shows_the_diagnostics_until_fixed()
    {
        var file = Path.Combine(fixture.Source, "rules", "R05.md");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            await File.WriteAllTextAsync(file, original + "\n编辑后新增的一段文字。\n");
            await fixture.WaitFor("rules/R05.html", page => page.Contains("编辑后新增的一段文字", StringComparison.Ordinal));
            // The search index has the new words too.
            var search = string.Concat(await Task.WhenAll(Directory.EnumerateFiles(Path.Combine(fixture.Server.Output, "search-index"), "p*.js").Select(f => File.ReadAllTextAsync(f))));
            Assert.Contains("编辑后新增的一段文字", search, StringComparison.Ordinal);

            var broken = original.Replace("\ntitle: ", "\ntitle: [", StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, broken);
            var diagnostics = await fixture.WaitFor("rules/R05.html", page => page.Contains("id=\"diagnostics\"", StringComparison.Ordinal));
            var line = broken.Split('\n').ToList().FindIndex(l => l.StartsWith("title: [", StringComparison.Ordinal)) + 1;
            Assert.Contains($"rules/R05.md:{line}:", diagnostics, StringComparison.Ordinal);
            Assert.Contains("yaml-syntax", diagnostics, StringComparison.Ordinal);
            Assert.Contains("<pre class=\"source\">title: [", diagnostics, StringComparison.Ordinal);
            // Every page shows it, and still reloads by itself.
            var home = await fixture.Client.GetStringAsync("index.html");
            Assert.Contains("id=\"diagnostics\"", home, StringComparison.Ordinal);
            Assert.Contains("_serve/reload.js", home, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, original);
            var back = await fixture.WaitFor("rules/R05.html", page => !page.Contains("id=\"diagnostics\"", StringComparison.Ordinal));
            Assert.DoesNotContain("编辑后新增的一段文字", back, StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
        }
    }

    [Fact]
    public async Task A_changed_title_shows_on_the_pages_that_list_it()
    {
        var file = Path.Combine(fixture.Source, "rules", "R07.md");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            var title = original.Split('\n').First(l => l.StartsWith("title: ", StringComparison.Ordinal));
            await File.WriteAllTextAsync(file, original.Replace(title, "title: 改过的标题", StringComparison.Ordinal));
            await fixture.WaitFor("index.html", page => page.Contains("改过的标题", StringComparison.Ordinal));
            Assert.Contains("改过的标题", await fixture.Client.GetStringAsync("rules/index.html"), StringComparison.Ordinal);
            Assert.Contains("改过的标题", await fixture.Client.GetStringAsync("rules/R06.html"), StringComparison.Ordinal); // its "next" link
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
        }
    }

    [Fact]
    public async Task An_edited_form_is_what_the_browser_validator_checks_against()
    {
        var file = Path.Combine(fixture.Source, "forms", "F03.yml");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            await File.WriteAllTextAsync(file, original.Replace("title: 党小组会记录", "title: 改过的党小组会记录", StringComparison.Ordinal));
            await fixture.WaitFor("forms.html", page => page.Contains("改过的党小组会记录", StringComparison.Ordinal));
            var data = Handbook.Validator.ValidatorData.Read(await fixture.Client.GetByteArrayAsync("validator/handbook.bin"));
            Assert.Equal("改过的党小组会记录", data.FindForm("F03")!.Title);
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
            await fixture.WaitFor("forms.html", page => !page.Contains("改过的党小组会记录", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (var path in new[] { "index.html", "static/site.css", "none.html", "healthz" })
        {
            var response = await fixture.Client.GetAsync(path);
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("'wasm-unsafe-eval'", policy, StringComparison.Ordinal); // the browser validator
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
        var css = await fixture.Client.GetAsync("static/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/../../../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/static/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/static/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd")]
    [InlineData("/leak")]
    [InlineData("/linked/passwd")]
    public async Task No_path_reaches_a_file_outside_the_site(string target)
    {
        // Links in the served folder that lead out of it.
        var output = fixture.Server.Output;
        if (!File.Exists(Path.Combine(output, "leak"))) File.CreateSymbolicLink(Path.Combine(output, "leak"), "/etc/passwd");
        if (!Directory.Exists(Path.Combine(output, "linked"))) Directory.CreateSymbolicLink(Path.Combine(output, "linked"), "/etc");

        var answer = await Raw(target);
        Assert.DoesNotContain("root:", answer, StringComparison.Ordinal);
        Assert.False(answer.StartsWith("HTTP/1.1 200", StringComparison.Ordinal), answer[..Math.Min(200, answer.Length)]);
    }

    /// <summary>A request sent as written, not normalized by an HTTP client.</summary>
    private async Task<string> Raw(string target)
    {
        var url = new Uri(fixture.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {url.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Validates_records_with_the_same_json_as_the_validator_cli()
    {
        var book = BookLoader.Load(fixture.Source).Book!;
        var records = new FormRecords(book, RepositoryPaths.Templates);
        var form = book.FindForm("F03")!;
        var valid = records.Filled(form, SampleValues.Valid(book, form));
        var missing = SampleValues.Valid(book, form);
        missing.Remove(form.Fields.First(f => f.Required && missing.ContainsKey(f.Id)).Id);
        (string Name, byte[] Data)[] files =
        [
            ("有效记录.docx", valid),
            ("缺必填项.docx", records.Filled(form, missing)),
            ("纯文本.docx", HostileFiles.NotAZip()),
            ("空文件.docx", HostileFiles.Empty()),
            ("截断.docx", HostileFiles.Truncated(valid)),
            ("旧格式.doc", HostileFiles.LegacyDoc()),
            ("加密.docx", HostileFiles.Encrypted()),
            ("压缩炸弹.docx", HostileFiles.ZipBomb(valid)),
            ("外部实体.docx", HostileFiles.ExternalEntity(valid)),
            ("宏.docm", HostileFiles.WithMacros(valid)),
            ("超长取值.docx", records.Filled(form, SampleValues.Huge(book, form))),
        ];

        var served = await Post(files);
        Assert.Equal(HttpStatusCode.OK, served.Status);
        var cli = RunCli(files);
        Assert.Equal(Normalized(cli), Normalized(served.Body));
        var report = JsonNode.Parse(served.Body)!;
        Assert.Equal(files.Length, report["files"]!.AsArray().Count);
        Assert.True(report["files"]![0]!["valid"]!.GetValue<bool>());
        Assert.Contains("required-missing", report["files"]![1]!.ToJsonString(), StringComparison.Ordinal);

        // One file at a time, the same answer for each.
        var one = await Post([files[1]]);
        Assert.Equal(Normalized(RunCli([files[1]])), Normalized(one.Body));
    }

    [Fact]
    public async Task Answers_large_records_as_the_validator_cli_does()
    {
        var book = BookLoader.Load(fixture.Source).Book!;
        var form = book.FindForm("F03")!;
        var valid = new FormRecords(book, RepositoryPaths.Templates).Filled(form, SampleValues.Valid(book, form));
        // Within the per-file limit but with a part over its cap; and over the per-file limit (read, counted, not kept).
        (string Name, byte[] Data, string Finding)[] files =
        [
            ("超大部件.docx", HostileFiles.OversizedPart(valid), "part-too-large"),
            ("超过上限.docx", new byte[PackageLimits.Default.MaxFileBytes + 1024 * 1024], "文件过大（21 MB）"),
        ];
        foreach (var (name, data, finding) in files)
        {
            var served = await Post([(name, data)]);
            Assert.Equal(HttpStatusCode.OK, served.Status);
            Assert.Contains(finding, served.Body, StringComparison.Ordinal);
            Assert.Equal(Normalized(RunCli([(name, data)])), Normalized(served.Body));
        }
    }

    [Fact]
    public async Task Refuses_an_oversized_upload_with_413_and_a_chinese_message()
    {
        // As curl sends a large body: the server refuses before the body is sent (sending on would meet a closed connection).
        var (status, body) = await Post([("大文件.docx", new byte[(ServeFixture.MaxUploadMb + 1) * 1024 * 1024])], expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("上限", body, StringComparison.Ordinal);
        // The server is still there.
        Assert.Equal("ok", await fixture.Client.GetStringAsync("healthz"));
    }

    [Fact]
    public async Task A_malformed_request_is_answered_in_chinese_without_details_of_the_server()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nabc"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var response = await fixture.Client.PostAsync("api/validate", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);

        var none = await fixture.Client.PostAsync("api/validate", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("没有收到记录文件", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> Post((string Name, byte[] Data)[] files, bool expectContinue = false)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, data) in files) form.Add(new ByteArrayContent(data), "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/validate") { Content = form };
        request.Headers.ExpectContinue = expectContinue;
        var response = await fixture.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>`validator --format json` over the same files, by the same names.</summary>
    private string RunCli((string Name, byte[] Data)[] files) => ValidatorCommandLine.Json(fixture.Source, files);

    /// <summary>The report without its run time.</summary>
    private static string Normalized(string json)
    {
        var report = JsonNode.Parse(json)!;
        report["stats"]!.AsObject().Remove("seconds");
        return report.ToJsonString();
    }
}
