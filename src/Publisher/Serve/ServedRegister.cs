using System.Diagnostics;
using System.Text;
using Handbook.Model;
using Handbook.Validator;
using Handbook.Validator.Compliance;
using Handbook.Validator.Findings;
using Handbook.Validator.Register;
using Handbook.Validator.Running;
using Microsoft.AspNetCore.Http;

namespace Handbook.Publisher.Serve;

/// <summary>
/// `serve --register DB`: POST /api/validate?register=1 stores the records it checks, as `validator register add`
/// would, and GET /compliance?period=2026Q1 shows the compliance report computed from the register at that moment.
/// Each request opens its own connection (PostgreSQL pools them), so several requests, and several instances sharing
/// one PostgreSQL register, store at once; the unit roster is the handbook's units.csv, read again each time.
/// </summary>
internal sealed class ServedRegister
{
    public const string Path = "/compliance";

    /// <summary>The query parameter that asks /api/validate to store what it checks: register=1.</summary>
    public const string Query = "register";

    private readonly string _db;
    private readonly DirectoryInfo _source;

    /// <summary>Opens the register once (creating or migrating its tables), so that a wrong --register fails at start.</summary>
    public ServedRegister(string db, DirectoryInfo source)
    {
        using (RegisterStore.Open(db)) { }
        _db = db;
        _source = source;
    }

    public static bool Requested(HttpRequest request) => request.Query[Query] == "1";

    /// <summary>Validates and stores the records; each file's report carries the register's findings and what storing did.</summary>
    /// <exception cref="FormatException">The handbook's units.csv is malformed (<see cref="Unavailable"/> says so).</exception>
    public RunReport Store(RecordValidator validator, IReadOnlyList<RecordSource> sources)
    {
        var watch = Stopwatch.StartNew();
        var roster = UnitRoster.Find(_source.FullName, null);
        using var store = RegisterStore.Open(_db);
        var registrar = new RecordRegistrar(validator, new RecordPlacer(validator.Book, roster), store, jobs: 1);
        var reports = new List<FileReport>(sources.Count);
        foreach (var source in sources)
        {
            var (data, problem) = source.Read(validator.Limits);
            if (problem is not null)
            {
                reports.Add(new FileReport(source.Path, null, [problem]));
                continue;
            }
            // The register keeps the file: its own copy, not the upload's pooled buffer.
            var (report, outcome) = registrar.Store(source.Path, data.ToArray());
            reports.Add(report with { Findings = [.. report.Findings, Stored(outcome)] });
        }
        return new RunReport(reports, watch.Elapsed);
    }

    private static Finding Stored(RegisterStore.Outcome outcome) => outcome switch
    {
        RegisterStore.Outcome.Added => Finding.Info("registered", "已存入登记库"),
        RegisterStore.Outcome.Replaced => Finding.Info("registered", "已存入登记库，替换同一单位、表单、日期的旧记录（旧记录留作历史）"),
        _ => Finding.Info("registered", "登记库中已有内容相同的文件，未再存"),
    };

    /// <summary>GET /compliance?period=2026Q1 (default: the current quarter): the HTML report, self-contained.</summary>
    public async Task Compliance(HttpContext context, Book? book)
    {
        var text = context.Request.Query["period"].ToString();
        var period = ReportPeriod.Parse(text.Length > 0 ? text : CurrentQuarter());
        if (book is null || period is null)
        {
            context.Response.StatusCode = book is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(book is null
                ? "手册尚未成功生成，表单定义不可用，暂时无法统计；请先修正手册中的错误。"
                : $"统计期“{text}”无效：应为 2026Q1、2026H1、2026 或 2026-03 这样的写法。", Encoding.UTF8);
            return;
        }
        string html;
        try
        {
            var roster = UnitRoster.Find(_source.FullName, null);
            using var store = RegisterStore.Open(_db);
            html = ComplianceWriters.Html(ComplianceReport.Compute(book, period, roster, store.Current()));
        }
        catch (Exception e) when (Unavailable(e) is { } message)
        {
            await ValidationEndpoint.Error(context, StatusCodes.Status503ServiceUnavailable, message);
            return;
        }
        context.Response.Headers.ContentSecurityPolicy = ComplianceWriters.Policy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, Encoding.UTF8);
    }

    /// <summary>What to tell the user when the roster or the register cannot be read; null for a fault of the server.</summary>
    public static string? Unavailable(Exception e) => e switch
    {
        FormatException => $"无法读取单位名册：{e.Message}",
        System.Data.Common.DbException or IOException => $"登记库暂时无法访问，请稍后重试（{e.GetType().Name}）。",
        _ => null,
    };

    private static string CurrentQuarter()
    {
        var today = DateTime.Today;
        return $"{today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}Q{((today.Month - 1) / 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
