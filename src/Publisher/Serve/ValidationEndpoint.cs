using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Validator;
using Handbook.Validator.Reports;
using Handbook.Validator.Running;
using Microsoft.AspNetCore.Http;

namespace Handbook.Publisher.Serve;

/// <summary>
/// POST /api/validate: the .docx files of the multipart field `file` (one or many), checked by the validator's own run
/// and answered with its JSON report, exactly as `validator --format json` writes it (each file's path is the name it
/// was uploaded under, without folders). The files are read as they arrive (<see cref="UploadedRecords"/>), stay in
/// pooled memory and are given back once they are checked.
/// With `serve --register`, `?register=1` also stores them in the register (<see cref="ServedRegister"/>).
/// </summary>
/// <param name="running">How many requests check their records at once (<see cref="ValidationBound.Running"/>); the others
/// wait for a turn with their uploads read.</param>
internal sealed class ValidationEndpoint(Func<RecordValidator?> validator, long maxBytes, ServedRegister? register, int running)
{
    public const string Path = "/api/validate";
    public const string Field = "file";

    private readonly SemaphoreSlim _turns = new(running);

    public async Task Handle(HttpContext context)
    {
        var checker = validator();
        if (checker is null)
        {
            await Error(context, StatusCodes.Status503ServiceUnavailable, "手册尚未成功生成，表单定义不可用，暂时无法检查记录；请先修正手册中的错误。");
            return;
        }
        var requested = ServedRegister.Requested(context.Request);
        if (requested && register is null)
        {
            await Error(context, StatusCodes.Status400BadRequest, "本服务未启用登记库（publisher serve --register），记录未登记；去掉 register=1 只检查不登记。");
            return;
        }
        var storing = requested ? register : null;
        if (context.Request.ContentLength > maxBytes)
        {
            await TooLarge(context);
            return;
        }
        UploadedRecords? uploads;
        try
        {
            uploads = await UploadedRecords.Read(context.Request, Field, checker.Limits);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(context);
            return;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed multipart body (or one cut short).
            await Error(context, StatusCodes.Status400BadRequest, "上传的内容不是有效的 multipart/form-data。");
            return;
        }
        if (uploads is null)
        {
            await Error(context, StatusCodes.Status400BadRequest, $"请以 multipart/form-data 上传记录文件（字段名 {Field}）。");
            return;
        }
        RunReport run;
        using (uploads)
        {
            var sources = uploads.Records;
            if (sources.Count == 0)
            {
                await Error(context, StatusCodes.Status400BadRequest, $"没有收到记录文件：请在字段 {Field} 中上传一个或多个 .docx 文件。");
                return;
            }
            if (sources.Count > UploadedRecords.MaxFiles)
            {
                await Error(context, StatusCodes.Status400BadRequest, $"一次最多上传 {UploadedRecords.MaxFiles} 个记录文件，请分批上传。");
                return;
            }
            await _turns.WaitAsync(context.RequestAborted);
            try
            {
                run = storing is not null ? storing.Store(checker, sources) : ValidationRun.Run(checker, sources, jobs: 1);
            }
            catch (Exception e) when (ServedRegister.Unavailable(e) is { } message)
            {
                await Error(context, StatusCodes.Status503ServiceUnavailable, message + "记录未登记。");
                return;
            }
            finally
            {
                _turns.Release();
            }
        }
        var json = new StringWriter();
        JsonReport.Write(run, json);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json.ToString(), Encoding.UTF8);
    }

    private Task TooLarge(HttpContext context) => Error(context, StatusCodes.Status413PayloadTooLarge,
        $"上传的内容超过 {maxBytes / 1024 / 1024} MB 的上限，未检查；请分批上传，或删去记录中嵌入的大图片后重试。");

    /// <summary>An answer that is not a report: {"error": message}, in Chinese.</summary>
    public static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        }
        // The rest of an oversized body is not read: the connection closes after the answer.
        return context.Response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }
}
