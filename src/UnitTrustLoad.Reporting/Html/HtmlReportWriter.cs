using System.Globalization;
using System.Net;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Html;

/// <summary>
/// Writes report.html: one self-contained page (styles, chart library and data inlined; a content security policy
/// forbids any request), streamed section by section so a long soak's report never sits whole in memory.
/// </summary>
internal sealed partial class HtmlReportWriter : IReportWriter
{
    private static readonly string[] ReportFiles = ["summary.txt", "summary.md", "summary.json", "stats.csv", "timeseries.csv", "junit.xml"];

    public string FileName => "report.html";

    public async Task WriteAsync(ReportContext context, string folder, Stream stream, CancellationToken cancellationToken)
    {
        var result = context.Result;
        await using var w = new StreamWriter(stream, TextReportWriter.Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        WriteHead(context, w);
        w.WriteLine("<body><main>");
        WriteVerdict(context, w);
        WriteCapacity(result, w);
        WriteSettings(context, w);
        WriteThresholds(result, w);
        WriteChecks(context, w);
        WriteSinkErrors(result, w);
        if (context.Baseline is not null)
        {
            WriteBaseline(context, w);
        }

        for (var index = 0; index < result.Scenarios.Count; index++)
        {
            WriteScenario(context, result.Scenarios[index], index, w);
            await w.FlushAsync(cancellationToken);
        }

        WriteFiles(context, folder, w);
        w.WriteLine("<footer>Written by UnitTrustLoad. Charts drawn with uPlot (MIT licence), inlined so the page works offline.</footer>");
        w.WriteLine("</main>");
        w.Write("<script type=\"application/json\" id=\"report-data\">");
        await w.FlushAsync(cancellationToken);
        await HtmlReportData.WriteAsync(result, stream, cancellationToken);
        w.WriteLine("</script>");
        w.Write("<script>");
        w.Write(ReportAssets.ChartScript);
        w.WriteLine("</script>");
        w.Write("<script>");
        w.Write(ReportAssets.PageScript);
        w.WriteLine("</script>");
        w.WriteLine("</body></html>");
        await w.FlushAsync(cancellationToken);
    }

    internal static string Text(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static void WriteHead(ReportContext context, TextWriter w)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");

        // The page must work offline and leak nothing: no request to any host, whatever a name in the data holds.
        w.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        w.WriteLine($"<title>{Text(context.Result.TestName)}: load test report</title>");
        w.Write("<style>");
        w.Write(ReportAssets.ChartStyle);
        w.WriteLine();
        w.Write(ReportAssets.PageStyle);
        w.WriteLine("</style></head>");
    }

    private static void WriteVerdict(ReportContext context, TextWriter w)
    {
        var result = context.Result;
        var passed = Verdict.Passed(context);
        var css = passed ? "pass" : "fail";
        w.WriteLine($"<section class=\"verdict {css}\" id=\"verdict\">");
        w.WriteLine($"<div class=\"title\"><span class=\"badge {css}\">{(passed ? "PASSED" : "FAILED")}</span>");
        w.WriteLine($"<h1>{Text(result.TestName)}</h1><div class=\"reason\">{Text(passed ? (result.Capacity is { } capacity ? "Capacity: " + CapacityText.Headline(capacity) + "." : result.Thresholds.Count == 0 ? "No thresholds were set; the run completed." : "Every threshold held; the run completed.") : Verdict.Reasons(context))}</div></div>");
        w.WriteLine("<dl class=\"facts\">");
        Fact(w, "started", Figures.Timestamp(context.LocalStartedAt, context.TimeZone));
        Fact(w, "duration", Figures.Duration(result.Duration));
        Fact(w, "exit code", context.ExitCode.ToString(CultureInfo.InvariantCulture));
        Fact(w, "interrupted", result.Interrupted ? $"yes{(result.InterruptReason is { Length: > 0 } why ? $": {why}" : string.Empty)}" : "no");
        w.WriteLine("</dl></section>");
    }

    private static void Fact(TextWriter w, string label, string value) =>
        w.WriteLine($"<div><dt>{Text(label)}</dt><dd>{Text(value)}</dd></div>");

    private static void WriteSettings(ReportContext context, TextWriter w)
    {
        w.WriteLine("<section id=\"settings\"><h2>Settings</h2><dl class=\"settings\">");
        foreach (var setting in context.Settings)
        {
            w.WriteLine($"<dt>{Text(setting.Key)}</dt><dd>{Text(setting.Value)}</dd>");
        }

        foreach (var scenario in context.Result.Scenarios)
        {
            w.WriteLine($"<dt>load of {Text(scenario.Name)}</dt><dd>{Text(string.Join(", then ", scenario.LoadSimulations))}</dd>");
        }

        if (context.Baseline is { } baseline)
        {
            w.WriteLine($"<dt>baseline</dt><dd>{Text(baseline.TestName)}, started {Text(baseline.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))}</dd>");
        }

        w.WriteLine("</dl></section>");
    }

    /// <summary>The capacity search's answer, its knee charts (drawn by report.js) and its steps.</summary>
    private static void WriteCapacity(RunResult result, TextWriter w)
    {
        if (result.Capacity is not { } capacity)
        {
            return;
        }

        w.WriteLine($"<section id=\"capacity\"><h2>Capacity of {Text(capacity.Scenario)}</h2>");
        w.WriteLine($"<p class=\"headline\">{Text(CapacityText.Headline(capacity))}</p><dl class=\"settings\">");
        foreach (var line in CapacityText.Lines(capacity))
        {
            w.WriteLine($"<div><dt>{Text(line.Key)}</dt><dd>{Text(line.Value)}</dd></div>");
        }

        w.WriteLine("</dl><h3>The knee</h3><div class=\"charts\" id=\"capacity-charts\"></div>");
        w.Write("<h3>Steps, in the order offered</h3><div class=\"table-wrap\"><table id=\"capacity-steps\"><thead><tr>");
        foreach (var column in CapacityText.Columns)
        {
            w.Write($"<th{(column == "verdict" ? " class=\"text\"" : string.Empty)}>{Text(column)}</th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in CapacityText.Rows(capacity))
        {
            w.Write("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                w.Write(i == row.Length - 1 ? $"<td class=\"text\">{Text(row[i])}</td>" : $"<td>{Text(row[i])}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table></div></section>");
    }

    private static void WriteThresholds(RunResult result, TextWriter w)
    {
        w.WriteLine("<section id=\"thresholds\"><h2>Thresholds</h2>");
        if (result.Thresholds.Count == 0)
        {
            w.WriteLine("<p class=\"muted\">No thresholds were set for this run.</p></section>");
            return;
        }

        w.WriteLine("<div class=\"table-wrap\"><table><thead><tr><th></th><th class=\"text\">scope</th><th class=\"text\">threshold</th><th>actual</th><th class=\"text\">note</th></tr></thead><tbody>");
        foreach (var t in result.Thresholds)
        {
            var note = (t.Passed ? string.Empty : t.Message ?? string.Empty) + (t.AbortedRun ? " (aborted the run)" : string.Empty);
            w.WriteLine(
                $"<tr><td class=\"mark {(t.Passed ? "ok" : "bad")}\" title=\"{(t.Passed ? "passed" : "failed")}\">{(t.Passed ? "✓" : "✗")}</td><td class=\"text\">{Text(t.Scope)}</td><td class=\"text\"><code>{Text(t.Expression)}</code></td><td>{Text(Figures.Value(t.Actual))}</td><td class=\"text\">{Text(note)}</td></tr>");
        }

        w.WriteLine("</tbody></table></div></section>");
    }

    private static void WriteChecks(ReportContext context, TextWriter w)
    {
        foreach (var check in context.AllChecks)
        {
            var css = check.Held ? "ok" : "bad";
            w.WriteLine($"<section id=\"{Text(check.Name)}\" class=\"check\"><h2>{Text(check.Title)}</h2><p><span class=\"{css}\">{check.Mark}</span> {Text(check.Verdict)}.</p></section>");
        }
    }

    private static void WriteSinkErrors(RunResult result, TextWriter w)
    {
        if (result.SinkErrors.Count == 0)
        {
            return;
        }

        w.WriteLine("<section id=\"sinks\"><h2>Sinks that failed during the run</h2><ul>");
        foreach (var error in result.SinkErrors)
        {
            w.WriteLine($"<li>{Text(error.Sink)} ({Text(error.Phase)}): {Text(error.Message)}</li>");
        }

        w.WriteLine("</ul></section>");
    }

    private static void WriteFiles(ReportContext context, string folder, TextWriter w)
    {
        var result = context.Result;
        w.WriteLine("<section id=\"files\"><h2>Files of this run</h2><ul class=\"files\">");
        foreach (var name in context.RunFiles ?? [])
        {
            if (File.Exists(Path.Combine(folder, name)))
            {
                w.WriteLine($"<li><a href=\"{Text(name)}\">{Text(name)}</a></li>");
            }
        }

        foreach (var name in ReportFiles)
        {
            w.WriteLine($"<li><a href=\"{Text(name)}\">{Text(name)}</a></li>");
        }

        w.WriteLine($"</ul><p class=\"muted\">{result.Intervals.Count} reporting intervals in the charts; every figure is also in summary.json and the CSV files.</p></section>");
    }
}
