using System.Globalization;
using Handbook.Loading;
using Handbook.Tests;
using Handbook.Validator.Compliance;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;
using Handbook.Validator.Register;
using Handbook.Validator.Running;

namespace Handbook.Validator.Tests.Register;

/// <summary>
/// The register and compliance on another organization's handbook (the station fixture: weekly 设备巡检记录 per 站场,
/// its roster in units.csv): nothing in them knows the Party-building handbook.
/// </summary>
public sealed class StationRegisterTests : IDisposable
{
    private const string First = "北岭首站", Middle = "北岭中间站", Last = "北岭末站";
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "tests", "Handbook.Tests", "Fixtures", "station");
    private static readonly Model.Book Book = BookLoader.Load(Source).Book!;
    private static readonly RecordValidator Validator = new(Book, PackageLimits.Default, () => new DateOnly(2026, 12, 31));
    private static readonly FormRecords Records = new(Book, RepositoryPaths.Templates);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>An inspection record of a station on a Wednesday: week 0 is that of 31 December 2025, whose Sunday is 4 January.</summary>
    private static byte[] Inspection(string station, int week, bool valid = true)
    {
        var form = Book.FindForm("P01")!;
        var values = SampleValues.Valid(Book, form);
        values["station"] = station;
        values["date"] = new DateOnly(2025, 12, 31).AddDays(7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!valid) values.Remove("inspector");
        return Records.Filled(form, values);
    }

    [Fact]
    public void Records_of_known_stations_land_in_the_right_cells()
    {
        var roster = UnitRoster.Find(Source, null);
        Assert.NotNull(roster);
        Assert.Equal([First, Middle, Last], roster.Units.Select(u => u.Name));
        var files = new List<string>();
        // 北岭首站: every week of the quarter (the 13 weeks ending on a Sunday in it), one name written with spaces.
        for (var week = 0; week < 13; week++)
            files.Add(folder.Write($"首站/{week}.docx", Inspection(week == 4 ? $" {First} " : First, week)));
        // 北岭中间站: 12 weeks, one of them invalid; the last week missing.
        for (var week = 0; week < 12; week++)
            files.Add(folder.Write($"中间站/{week}.docx", Inspection(Middle, week, valid: week != 3)));
        // 北岭末站: nothing. A station not in the roster: a finding, not a new unit.
        files.Add(folder.Write("其他/x.docx", Inspection("南山站", 0)));

        using var store = RegisterStore.Open(Path.Combine(folder.Path, "register.db"));
        using var expander = new InputExpander();
        var totals = new RecordRegistrar(Validator, new RecordPlacer(Book, roster), store, 2)
            .AddAll(expander.Expand([.. files], Validator.Limits));
        Assert.Equal((26, 2), (totals.Added, totals.Invalid));

        var report = ComplianceReport.Compute(Book, ReportPeriod.Parse("2026Q1")!, roster, store.Current());
        var cells = report.Units.ToDictionary(u => u.Unit, u => u.Records.Single(r => r.Form == "P01"));
        Assert.Equal((13, 13, 0, 0), Cell(cells[First]));
        Assert.Equal((13, 11, 1, 1), Cell(cells[Middle]));
        Assert.Equal((13, 0, 0, 13), Cell(cells[Last]));
        Assert.Equal("南山站", Assert.Single(report.Unplaced).Unit);
        // 按规定频次巡检: 10 points, 1 off per week short of a valid record.
        Assert.Equal([(First, 10m), (Middle, 8m), (Last, 0m)], report.Units.OrderBy(u => u.Rank).Select(u => (u.Unit, u.Points!.Value)));

        // Weekly: a week counts in the period its Sunday falls in.
        Assert.Equal(26, Expected("2026H1"));
        Assert.Equal(52, Expected("2026"));
        Assert.Equal(4, Expected("2026-02"));
        int Expected(string period) => ComplianceReport.Compute(Book, ReportPeriod.Parse(period)!, roster, [])
            .Units.Single(u => u.Unit == Last).Records.Single(r => r.Form == "P01").Expected;
    }

    private static (int, int, int, int) Cell(FormCompliance r) => (r.Expected, r.Valid, r.Invalid, r.Missing);
}
