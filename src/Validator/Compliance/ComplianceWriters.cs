using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Handbook.Office;
using Handbook.Office.Sheets;

namespace Handbook.Validator.Compliance;

/// <summary>The compliance report as JSON (the shape tools depend on), text, one self-contained HTML page, or .xlsx.</summary>
public static class ComplianceWriters
{
    public static string Json(ComplianceReport report)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("period", report.Period.Name);
            json.WriteStartArray("units");
            foreach (var unit in report.Units)
            {
                json.WriteStartObject();
                json.WriteString("unit", unit.Unit);
                if (unit.Level is null) json.WriteNull("level"); else json.WriteString("level", unit.Level);
                json.WriteNumber("rate", unit.Rate);
                if (unit.Points is { } p) json.WriteNumber("points", p); else json.WriteNull("points");
                json.WriteStartArray("records");
                foreach (var r in unit.Records)
                {
                    json.WriteStartObject();
                    json.WriteString("form", r.Form);
                    json.WriteNumber("expected", r.Expected);
                    json.WriteNumber("valid", r.Valid);
                    json.WriteNumber("invalid", r.Invalid);
                    json.WriteNumber("missing", r.Missing);
                    json.WriteNumber("late", r.Late);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Text(ComplianceReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Period.Name} 各单位记录报送情况（{report.Units.Count} 个单位）\n");
        foreach (var unit in report.Units)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{unit.Rank}. {unit.Unit}{(unit.Level is null ? "" : "（" + unit.Level + "）")}  完成率 {Percent(unit.Rate)}{(unit.Points is { } p ? $"  得分 {p:0.##}" : "")}\n");
            if (unit.Records.Count == 0) text.Append("   未提交任何记录\n");
            foreach (var r in unit.Records)
                text.Append(CultureInfo.InvariantCulture, $"   {r.Form} {r.Title}：应交 {r.Expected}，合格 {r.Valid}，不合格 {r.Invalid}，缺 {r.Missing}，逾期 {r.Late}\n");
        }
        if (report.Unplaced.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n名册外或未写单位的记录 {report.Unplaced.Count} 份：\n");
            foreach (var r in report.Unplaced) text.Append(CultureInfo.InvariantCulture, $"   {r.Path}（单位“{r.Unit}”）\n");
        }
        return text.ToString();
    }

    /// <summary>A rate as Chinese reports write it: 92%, no space.</summary>
    private static string Percent(double rate) => Math.Round(rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The state a cell is coloured by: its class in the HTML page, its word, its style in the workbook.</summary>
    private static (string Class, string Label, CellStyle Style) State(FormCompliance r) =>
        r.Missing > 0 && r.Valid + r.Invalid == 0 ? ("missing", "缺交", CellStyle.StatusMissing)
        : r.Invalid > 0 ? ("invalid", "有误", CellStyle.StatusInvalid)
        : r.Missing > 0 ? ("partial", "不全", CellStyle.StatusPartial)
        : r.Late > 0 ? ("late", "逾期", CellStyle.StatusLate)
        : ("ok", "齐全", CellStyle.StatusComplete);

    // The unit column stays in view when the matrix scrolls sideways (a phone); printed, the page turns landscape and
    // the whole matrix is on it (the records behind each cell are in the .xlsx).
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
        h1{font-size:1.4rem} .scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:.9rem} th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:center;vertical-align:top}
        th{background:#f1f1f1;white-space:nowrap} th.form{white-space:normal;min-width:5em}
        th button{font:inherit;border:0;background:none;cursor:pointer;text-decoration:underline}
        td.unit{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fff}
        .ok{background:#d9f2d9}.late{background:#fff2b3}.partial{background:#ffd9a8}.invalid{background:#f7c1c1}.missing{background:#e6a0a0}
        details summary{cursor:pointer;white-space:nowrap} summary small{display:block;font-size:.8rem}
        details ul{text-align:left;margin:.3rem 0;padding-left:1rem;font-size:.8rem;min-width:14em}
        .legend span{display:inline-block;padding:.1rem .5rem;margin-right:.3rem;border:1px solid #bbb}
        @page{size:A4 landscape;margin:10mm}
        @media print{body{margin:0} .scroll{overflow:visible} table{font-size:.7rem} th,td{padding:.15rem .25rem}
          th button{text-decoration:none} td.unit{position:static} summary{list-style:none} summary::-webkit-details-marker{display:none}}
        """;

    private const string Script = """
        document.querySelectorAll('th button[data-sort]').forEach(b => b.addEventListener('click', () => {
          const key = b.dataset.sort, body = document.querySelector('#matrix tbody');
          const rows = [...body.rows], asc = key === 'rank';
          rows.sort((x, y) => (parseFloat(x.dataset[key]) - parseFloat(y.dataset[key])) * (asc ? 1 : -1));
          rows.forEach(r => body.appendChild(r));
        }));
        """;

    /// <summary>
    /// The Content-Security-Policy a server sends with the page: its own style and script (by hash) run, nothing else
    /// loads. Every value in the page is escaped; this is the second lock.
    /// </summary>
    public static readonly string Policy =
        $"default-src 'none'; style-src '{Sha256(Style)}'; script-src '{Sha256(Script)}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Html(ComplianceReport report)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var forms = report.Units.SelectMany(u => u.Records).Select(r => (r.Form, r.Title)).Distinct().OrderBy(f => f.Form, StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(report.Period.Name)}} 记录报送情况</title>
            <style>{{Style}}</style></head><body>
            <h1>{{E(report.Period.Name)}} 各单位记录报送情况</h1>
            <p>{{report.Units.Count}} 个单位；每格为“合格/应交”，点开看每份记录及问题。</p>
            <p class="legend"><span class="ok">齐全</span><span class="late">逾期</span><span class="partial">不全</span><span class="invalid">有误</span><span class="missing">缺交</span></p>
            <div class="scroll"><table id="matrix"><thead><tr><th><button type="button" data-sort="rank">排名</button></th><th>单位</th><th><button type="button" data-sort="rate">完成率</button></th><th><button type="button" data-sort="points">得分</button></th>
            """);
        foreach (var (id, title) in forms) html.Append(CultureInfo.InvariantCulture, $"<th class=\"form\" title=\"{E(title)}\">{E(id)}<br>{E(title)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var unit in report.Units)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-rank=\"{unit.Rank}\" data-rate=\"{unit.Rate}\" data-points=\"{unit.Points ?? 0}\"><td>{unit.Rank}</td><td class=\"unit\">{E(unit.Unit)}{(unit.Level is null ? "" : "<br><small>" + E(unit.Level) + "</small>")}</td><td>{Percent(unit.Rate)}</td><td>{(unit.Points is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) : "—")}</td>");
            foreach (var (id, _) in forms)
            {
                var r = unit.Records.FirstOrDefault(x => x.Form == id);
                if (r is null)
                {
                    html.Append("<td>—</td>");
                    continue;
                }
                var (css, label, _) = State(r);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\"><details><summary>{r.Valid}/{r.Expected} <small>{label}</small></summary><ul>");
                if (r.Missing > 0) html.Append(CultureInfo.InvariantCulture, $"<li>缺 {r.Missing} 份</li>");
                foreach (var record in r.Records)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} {E(record.Path)}：{(record.Valid ? "合格" : "不合格")}");
                    if (record.Findings.Length > 0) html.Append("<br>").Append(E(record.Findings).Replace("\n", "<br>", StringComparison.Ordinal));
                    html.Append("</li>");
                }
                html.Append("</ul></details></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        if (report.Unplaced.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>名册外或未写单位的记录（{report.Unplaced.Count} 份）</h2><ul>");
            foreach (var r in report.Unplaced) html.Append(CultureInfo.InvariantCulture, $"<li>{E(r.Path)}：单位“{E(r.Unit)}”</li>");
            html.Append("</ul>\n");
        }
        html.Append("<script>").Append(Script).Append("</script></body></html>\n");
        return html.ToString();
    }

    /// <summary>A matrix cell of the workbook: 合格/应交 and the state, then the counts, tinted by the state.</summary>
    private static Cell StateCell(FormCompliance r)
    {
        var (_, label, style) = State(r);
        return new Cell($"{r.Valid}/{r.Expected} {label}\n误{r.Invalid} 缺{r.Missing} 迟{r.Late}", style);
    }

    public static IReadOnlyList<WorksheetSpec> Workbook(ComplianceReport report)
    {
        var forms = report.Units.SelectMany(u => u.Records).Select(r => r.Form).Distinct().Order(StringComparer.Ordinal).ToList();
        var matrix = new WorksheetSpec("报送情况");
        matrix.AddTitle($"{report.Period.Name} 各单位记录报送情况", "每格为“合格/应交”和状态，下一行为不合格（误）、缺交（缺）、逾期（迟）份数", 4 + forms.Count);
        var cells = report.Units.Select(unit => forms.Select(f => unit.Records.FirstOrDefault(r => r.Form == f) is { } r
            ? StateCell(r) : new Cell("—", CellStyle.BodyCentered)).ToList()).ToList();
        // Each form's column as wide as its cells' longest line: two short lines, so the matrix still prints legibly on A4.
        var widths = forms.Select((_, i) => cells.SelectMany(row => ((string)row[i].Value!).Split('\n')).Select(l => TextWidth.Column(l)).DefaultIfEmpty(10).Max());
        matrix.Columns.AddRange([new Column(6), new Column(24), new Column(9), new Column(8), .. widths.Select(w => new Column(w))]);
        matrix.Add([Cell.Header("排名"), Cell.Header("单位"), Cell.Header("完成率"), Cell.Header("得分"), .. forms.Select(Cell.Header)]);
        matrix.FrozenRows = matrix.Rows.Count;
        foreach (var (unit, row) in report.Units.Zip(cells))
            matrix.Add([new Cell(unit.Rank), new Cell(unit.Unit), new Cell(Percent(unit.Rate)), new Cell(unit.Points), .. row]);
        var records = new WorksheetSpec("记录明细");
        records.Columns.AddRange([new Column(24), new Column(8), new Column(12), new Column(40), new Column(8), new Column(60)]);
        records.Add([Cell.Header("单位"), Cell.Header("表单"), Cell.Header("日期"), Cell.Header("文件"), Cell.Header("结果"), Cell.Header("问题")]);
        records.FrozenRows = 1;
        foreach (var unit in report.Units)
            foreach (var form in unit.Records)
                foreach (var r in form.Records)
                    records.Add(new Cell(unit.Unit), new Cell(r.Form), new Cell(r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new Cell(r.Path), new Cell(r.Valid ? "合格" : "不合格"), new Cell(r.Findings));
        return [matrix, records];
    }
}
