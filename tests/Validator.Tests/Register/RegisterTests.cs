using Handbook.Model;
using Handbook.Validator.Compliance;
using Handbook.Validator.Register;
using Handbook.Validator.Running;

namespace Handbook.Validator.Tests.Register;

/// <summary>
/// Records of known units and dates, registered in SQLite and in a real PostgreSQL server (HANDBOOK_TEST_POSTGRES,
/// set by test.sh; the test fails without one), then the compliance for a period computed from the register.
/// </summary>
public sealed class RegisterTests : IDisposable
{
    private const string A = "第一党支部", B = "第二党支部", C = "第三党支部";
    private readonly TempFolder folder = new();
    private readonly UnitRoster roster = new([new Unit(A, "党支部"), new Unit(B, "党支部"), new Unit(C, "党支部")]);
    private static readonly ReportPeriod Q1 = ReportPeriod.Parse("2026Q1")!;

    public void Dispose() => folder.Dispose();

    private static byte[] Meeting(string unit, string date, bool valid = true, string? location = null) => TestHandbook.Record("F03", values =>
    {
        values["branch"] = unit;
        values["meeting_date"] = date;
        values["review_date"] = date;
        if (location is not null) values["location"] = location;
        if (!valid) values.Remove("host");
    });

    private RegisterStore Open(string database)
    {
        if (database == "sqlite") return RegisterStore.Open(Path.Combine(folder.Path, "register.db"));
        var connection = Environment.GetEnvironmentVariable("HANDBOOK_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(connection), "HANDBOOK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL");
        var store = RegisterStore.Open(connection);
        store.Clear();
        return store;
    }

    private RecordRegistrar.Totals Add(RegisterStore store, params (string Name, byte[] Data)[] records)
    {
        var paths = records.Select(r => folder.Write(Guid.NewGuid().ToString("N") + "/" + r.Name, r.Data)).ToArray();
        using var expander = new InputExpander();
        var registrar = new RecordRegistrar(TestHandbook.Validator, new RecordPlacer(TestHandbook.Book, roster), store, 2);
        return registrar.AddAll(expander.Expand(paths, TestHandbook.Validator.Limits));
    }

    private ComplianceReport Compliance(RegisterStore store) => ComplianceReport.Compute(TestHandbook.Book, Q1, roster, store.Current());

    private static FormCompliance F03(ComplianceReport report, string unit) => report.Units.Single(u => u.Unit == unit).Records.Single(r => r.Form == "F03");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Records_land_in_the_right_cells(string database)
    {
        using var store = Open(database);
        var january = Meeting(B, "2026-01-10");
        var totals = Add(store,
            ("a1.docx", Meeting(A, "2026-01-10")), ("a2.docx", Meeting(A, "2026-02-10")), ("a3.docx", Meeting("  第一党支部 ", "2026-03-10")),
            ("b1.docx", january), ("b1-again.docx", january),
            ("b2.docx", Meeting(B, "2026-02-10", valid: false)),
            ("b3.docx", Meeting(B, "2026-03-29")), // due on the 28th: late
            ("x.docx", Meeting("第九党支部", "2026-01-10")));
        Assert.Equal(1, totals.Duplicates);

        var report = Compliance(store);
        Assert.Equal((3, 3, 0, 0, 0), Cell(F03(report, A)));
        Assert.Equal((3, 2, 1, 0, 1), Cell(F03(report, B)));
        Assert.Equal((3, 0, 0, 3, 0), Cell(F03(report, C)));
        Assert.Equal("第九党支部", Assert.Single(report.Unplaced).Unit);
        Assert.Contains("不在单位名册中", report.Unplaced[0].Findings, StringComparison.Ordinal);
        // The F03 scoring item takes 0.25 per missing record; the units differ in nothing else.
        var points = report.Units.ToDictionary(u => u.Unit, u => u.Points!.Value);
        Assert.Equal(0.75m, points[A] - points[C]);
        Assert.Equal([A, B, C], report.Units.OrderBy(u => u.Rank).Select(u => u.Unit));

        // A corrected re-submission replaces the invalid one; the register keeps both.
        var again = Add(store, ("b2-corrected.docx", Meeting(B, "2026-02-10")));
        Assert.Equal(1, again.Replaced);
        Assert.Equal((3, 3, 0, 0, 1), Cell(F03(Compliance(store), B)));
        Assert.Equal(8, store.Count());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_correction_in_the_same_batch_replaces_the_record_before_it(string database)
    {
        using var store = Open(database);
        Add(store, ("old.docx", Meeting(A, "2026-01-10", valid: false)));
        // One batch: the record is corrected twice, and the first correction is sent again.
        var first = Meeting(A, "2026-01-10");
        var totals = Add(store, ("1-first.docx", first), ("2-last.docx", Meeting(A, "2026-01-10", location: "党员活动室")), ("3-first-again.docx", first));
        Assert.Equal(new RecordRegistrar.Totals(0, 2, 1, 0), totals);
        var current = Assert.Single(store.Current(), r => r.Unit == A);
        Assert.EndsWith("2-last.docx", current.Path, StringComparison.Ordinal);
        Assert.Equal(3, store.Count());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Revalidate_rechecks_the_stored_files(string database)
    {
        using var store = Open(database);
        Add(store, ("a1.docx", Meeting(A, "2026-01-10")), ("b.docx", Meeting(B, "2026-01-10", valid: false)));
        var registrar = new RecordRegistrar(TestHandbook.Validator, new RecordPlacer(TestHandbook.Book, roster), store, 2);
        Assert.Equal((2, 1), registrar.Revalidate());
    }

    private static (int, int, int, int, int) Cell(FormCompliance r) => (r.Expected, r.Valid, r.Invalid, r.Missing, r.Late);

    [Theory]
    [InlineData("2026Q1", 3, 0, 1)]
    [InlineData("2026Q2", 3, 1, 0)]
    [InlineData("2026H1", 6, 1, 1)]
    [InlineData("2026", 12, 2, 1)]
    [InlineData("2026-03", 1, 0, 0)]
    public void Expected_counts_follow_the_schedules(string period, int monthly, int halfYearly, int yearly)
    {
        var p = ReportPeriod.Parse(period)!;
        Assert.Equal(monthly, p.Expected(Recurrence.Month, new Due(0, 28)));
        Assert.Equal(halfYearly, p.Expected(Recurrence.HalfYear, new Due(6, 25)));
        Assert.Equal(yearly, p.Expected(Recurrence.Year, new Due(2, 28)));
    }

    [Fact]
    public void Names_match_after_folding_full_width_and_spaces()
    {
        var units = new UnitRoster([new Unit("机关第1党支部", null)]);
        Assert.Equal("机关第1党支部", units.Find(" 机关第１党支部 ")?.Name);
        Assert.Null(units.Find("机关第2党支部"));
    }

    [Fact]
    public void The_html_report_escapes_every_value()
    {
        var record = new RegisteredRecord("<b>x</b>.docx", "<script>", "F03", "2026.1", new DateOnly(2026, 1, 10), false, "<i>bad</i>");
        var report = ComplianceReport.Compute(TestHandbook.Book, Q1, null, [record]);
        var html = ComplianceWriters.Html(report);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>")); // the page's own
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;bad&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"2026Q1\"", ComplianceWriters.Json(report), StringComparison.Ordinal);
    }
}
