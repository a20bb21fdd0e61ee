using Handbook.Publisher.Serve;
using Handbook.Validator.Packaging;
using Handbook.Validator.Running;
using Microsoft.AspNetCore.Http;

namespace Handbook.Tests.Serve;

/// <summary>The files of the validation API's field, read from the multipart body as it arrives.</summary>
public sealed class UploadedRecordsTests
{
    // Larger than the first buffer (64 KB), so that a file within it makes the buffer grow.
    private static readonly PackageLimits Limits = new() { MaxFileBytes = 200_000 };

    [Fact]
    public async Task Reads_the_field_s_files_in_order_and_keeps_none_over_the_per_file_limit()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Bytes(150_000, 1)), "file", "一.docx" },
            { new StringContent("备注"), "note" },
            { new ByteArrayContent(Bytes(500_000, 2)), "file", "二.docx" },
            { new ByteArrayContent(Bytes(10, 3)), "other", "三.docx" },
            { new ByteArrayContent([]), "file", "四.docx" },
            { new ByteArrayContent(Bytes(200_000, 4)), "file", "上报\\五.docx" },
        };
        using var uploads = await UploadedRecords.Read(Request(await form.ReadAsByteArrayAsync(), form), "file", Limits);

        Assert.NotNull(uploads);
        var records = uploads.Records;
        Assert.Equal(["一.docx", "二.docx", "四.docx", "五.docx"], records.Select(r => r.Path));
        Assert.Equal(Bytes(150_000, 1), Kept(records[0]));
        // Over the limit: only its length was kept, and it is answered as the validator answers a file on disk that large.
        var (data, problem) = records[1].Read(Limits);
        Assert.Equal((0, SafePackage.TooLarge(500_000, Limits)), (data.Length, problem));
        Assert.Equal([], Kept(records[2]));
        Assert.Equal(Bytes(200_000, 4), Kept(records[3]));

        // Once disposed, the pooled buffers are given back and a record kept by mistake cannot be read.
        var first = records[0];
        uploads.Dispose();
        Assert.Equal("internal-error", first.Read(Limits).Problem?.Code);
    }

    [Fact]
    public async Task A_body_cut_short_or_not_multipart_is_not_read_as_records()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Bytes(100_000, 1)), "file", "一.docx" } };
        var body = await form.ReadAsByteArrayAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => UploadedRecords.Read(Request(body[..(body.Length / 2)], form), "file", Limits));

        using var text = new StringContent("file=一.docx");
        Assert.Null(await UploadedRecords.Read(Request(await text.ReadAsByteArrayAsync(), text), "file", Limits));
    }

    private static byte[] Kept(RecordSource record)
    {
        var (data, problem) = record.Read(Limits);
        Assert.Null(problem);
        return data.ToArray();
    }

    private static HttpRequest Request(byte[] body, HttpContent content)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed))];
}
