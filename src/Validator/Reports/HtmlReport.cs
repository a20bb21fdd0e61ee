using System.Net;
using Handbook.Model;
using Handbook.Validator.Running;

namespace Handbook.Validator.Reports;

/// <summary>A self-contained HTML page (inline style, no script): a summary table, then each file with its findings. Every value is escaped.</summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:64em;padding:0 1em;color:#222;line-height:1.5}
        h1{font-size:1.6em}h2{font-size:1.1em;margin:1.6em 0 .4em;word-break:break-all}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}.ok{color:#1a7f37}.bad{color:#b42318}.warn{color:#9a6700}
        .summary{font-size:1.1em;margin:1em 0}code{font-size:.85em;color:#555}.nowrap{white-space:nowrap}.wrap{overflow-wrap:anywhere}
        """;

    public static void Write(RunReport run, Book book, TextWriter w)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>记录检查报告</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine($"<h1>记录检查报告</h1><p>{E(book.Info.Title)}</p>");
        w.WriteLine($"<p class=\"summary\">共检查 <b>{run.Files.Count}</b> 个文件：<span class=\"ok\">{run.ValidFiles} 个合格</span>，"
            + $"<span class=\"bad\">{run.InvalidFiles} 个不合格</span>；{run.Errors} 个错误，{run.Warnings} 个警告；用时 {ReportText.Seconds(run.Elapsed)} 秒。</p>");

        w.WriteLine("<table><thead><tr><th>#</th><th>文件</th><th>表单</th><th>结论</th><th>错误</th><th>警告</th></tr></thead><tbody>");
        for (var i = 0; i < run.Files.Count; i++)
        {
            var f = run.Files[i];
            var name = f.Findings.Count > 0 ? $"<a href=\"#f{i + 1}\">{E(f.Path)}</a>" : E(f.Path);
            w.WriteLine($"<tr><td>{i + 1}</td><td class=\"wrap\">{name}</td><td>{E(ReportText.Form(f, book))}</td>"
                + $"<td class=\"nowrap {(f.Valid ? "ok" : "bad")}\">{ReportText.Verdict(f)}</td><td>{f.Errors}</td><td>{f.Warnings}</td></tr>");
        }
        w.WriteLine("</tbody></table>");

        for (var i = 0; i < run.Files.Count; i++)
        {
            var f = run.Files[i];
            if (f.Findings.Count == 0) continue;
            w.WriteLine($"<h2 id=\"f{i + 1}\">{i + 1}. {E(f.Path)} <span class=\"{(f.Valid ? "ok" : "bad")}\">{ReportText.Verdict(f)}</span></h2>");
            w.WriteLine($"<p>{E(ReportText.Form(f, book))}</p>");
            w.WriteLine("<table><thead><tr><th>类别</th><th>项目</th><th>问题</th><th>代码</th></tr></thead><tbody>");
            foreach (var finding in ReportText.Ordered(f))
                w.WriteLine($"<tr><td class=\"nowrap {(finding.IsError ? "bad" : "warn")}\">{ReportText.Severity(finding)}</td><td>{E(finding.Label)}</td>"
                    + $"<td class=\"wrap\">{E(finding.Message)}</td><td class=\"nowrap\"><code>{E(finding.Code)}</code></td></tr>");
            w.WriteLine("</tbody></table>");
        }
        w.WriteLine("</body></html>");
    }
}
