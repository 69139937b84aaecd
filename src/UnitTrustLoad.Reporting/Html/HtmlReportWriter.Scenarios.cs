using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Html;

/// <summary>The per scenario part of report.html: cards, step table, chart holders, status codes, baseline deltas.</summary>
internal sealed partial class HtmlReportWriter
{
    private static void WriteScenario(ReportContext context, ScenarioResult scenario, int index, TextWriter w)
    {
        var total = scenario.Total;
        w.WriteLine($"<section class=\"scenario\" id=\"scenario-{index}\"><h2>Scenario: {Text(scenario.Name)}</h2>");
        w.WriteLine($"<p class=\"muted\">{Text(string.Join(", then ", scenario.LoadSimulations))}; ran {Text(Figures.Duration(scenario.Duration))}; warm-up: {Text(Figures.WarmUp(scenario.WarmUp))}.</p>");
        w.WriteLine("<div class=\"cards\">");
        Card(w, "iterations", Figures.Count(total.Count));
        Card(w, "failed", $"{Figures.Count(total.FailCount)} ({Figures.Percent(total.FailRate)})", total.FailCount > 0 ? "bad" : null);
        Card(w, "per second", Figures.Rate(total.Rps));
        Card(w, "p95 ms", Figures.Ms(total.Latency.P95Ms));
        Card(w, "p99 ms", Figures.Ms(total.Latency.P99Ms));
        if (scenario.ResponseTime is { } response)
        {
            // wrk2's correction for coordinated omission: from the intended start, queueing included.
            Card(w, "p95 ms from intended start", Figures.Ms(response.P95Ms));
            Card(w, "p99 ms from intended start", Figures.Ms(response.P99Ms));
        }

        Card(w, "dropped", Figures.Count(scenario.DroppedIterations), scenario.DroppedIterations > 0 ? "bad" : null);
        w.WriteLine("</div>");

        w.WriteLine("<h3>Iterations and steps</h3><div class=\"table-wrap\"><table><thead><tr><th class=\"text\">name</th><th>count</th><th>ok</th><th>fail</th><th>fail %</th><th>rps</th><th>min</th><th>mean</th><th>p50</th><th>p75</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>sent</th><th>received</th><th>dropped</th></tr></thead><tbody>");
        StepRow(w, "all iterations", total, "total", Figures.Count(scenario.DroppedIterations));
        foreach (var step in scenario.Steps)
        {
            StepRow(w, step.Name, step, "step", string.Empty);
        }

        w.WriteLine("</tbody></table></div><p class=\"muted\">Latencies in milliseconds.</p>");
        w.WriteLine($"<h3>Over time</h3><div class=\"charts\" id=\"charts-{index}\"></div>");
        w.WriteLine($"<h3>Latency distribution</h3><p class=\"muted\">The whole run's latency by percentile, successful and failed calls apart (HdrHistogram's percentile distribution: the x axis is 1/(1-p) on a log scale, so the tail gets the room).</p><div class=\"charts\" id=\"distribution-{index}\"></div>");
        WriteStatusCodes(scenario, w);
        if (context.Baseline is not null && scenario.Steps.Count == 0)
        {
            w.WriteLine("<p class=\"muted\">Baseline comparison: see the table near the top.</p>");
        }

        w.WriteLine("</section>");
    }

    private static void Card(TextWriter w, string label, string value, string? css = null) =>
        w.WriteLine($"<div class=\"card\"><div class=\"label\">{Text(label)}</div><div class=\"value{(css is null ? string.Empty : " " + css)}\">{Text(value)}</div></div>");

    private static void StepRow(TextWriter w, string name, StepResult s, string css, string dropped)
    {
        var l = s.Latency;
        var first = css == "step" ? $"<td class=\"text step\">↳ {Text(name)}</td>" : $"<td class=\"text\">{Text(name)}</td>";
        w.WriteLine(
            $"<tr class=\"{css}\">{first}<td>{s.Count}</td><td>{s.OkCount}</td><td{(s.FailCount > 0 ? " class=\"bad\"" : string.Empty)}>{s.FailCount}</td><td>{Figures.Percent(s.FailRate)}</td><td>{Figures.Rate(s.Rps)}</td>"
            + $"<td>{Figures.Ms(l.MinMs)}</td><td>{Figures.Ms(l.MeanMs)}</td><td>{Figures.Ms(l.P50Ms)}</td><td>{Figures.Ms(l.P75Ms)}</td><td>{Figures.Ms(l.P95Ms)}</td><td>{Figures.Ms(l.P99Ms)}</td><td>{Figures.Ms(l.P999Ms)}</td><td>{Figures.Ms(l.MaxMs)}</td>"
            + $"<td>{Text(Figures.Bytes(s.BytesSent))}</td><td>{Text(Figures.Bytes(s.BytesReceived))}</td><td>{dropped}</td></tr>");
        if (s.FailLatency is { } f)
        {
            // The latency columns are the successful calls'; the failed calls' own figures sit beside them.
            w.WriteLine(
                $"<tr class=\"failed-latency muted\"><td class=\"text step\">failed calls' latency</td><td colspan=\"5\"></td>"
                + $"<td>{Figures.Ms(f.MinMs)}</td><td>{Figures.Ms(f.MeanMs)}</td><td>{Figures.Ms(f.P50Ms)}</td><td>{Figures.Ms(f.P75Ms)}</td><td>{Figures.Ms(f.P95Ms)}</td><td>{Figures.Ms(f.P99Ms)}</td><td>{Figures.Ms(f.P999Ms)}</td><td>{Figures.Ms(f.MaxMs)}</td>"
                + "<td colspan=\"3\"></td></tr>");
        }
    }

    private static void WriteStatusCodes(ScenarioResult scenario, TextWriter w)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in scenario.Total.StatusCodes.Keys)
        {
            codes.Add(code);
        }

        foreach (var step in scenario.Steps)
        {
            foreach (var code in step.StatusCodes.Keys)
            {
                codes.Add(code);
            }
        }

        w.WriteLine("<h3>Status codes</h3>");
        if (codes.Count == 0)
        {
            w.WriteLine("<p class=\"muted\">No status codes were recorded.</p>");
            return;
        }

        w.Write("<div class=\"table-wrap\"><table class=\"codes\"><thead><tr><th class=\"text\">name</th>");
        foreach (var code in codes)
        {
            w.Write($"<th>{Text(code)}</th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        CodeRow(w, "all iterations", scenario.Total, codes, "total");
        foreach (var step in scenario.Steps)
        {
            CodeRow(w, step.Name, step, codes, "step");
        }

        w.WriteLine("</tbody></table></div>");
    }

    private static void CodeRow(TextWriter w, string name, StepResult s, SortedSet<string> codes, string css)
    {
        w.Write($"<tr class=\"{css}\"><td class=\"text{(css == "step" ? " step" : string.Empty)}\">{(css == "step" ? "↳ " : string.Empty)}{Text(name)}</td>");
        foreach (var code in codes)
        {
            var count = s.StatusCodes.TryGetValue(code, out var n) ? n : 0;
            var share = s.Count == 0 ? 0 : (double)count / s.Count;
            var bad = count > 0 && !code.StartsWith('2') && !code.StartsWith('3');
            w.Write(count == 0
                ? "<td class=\"muted\">0</td>"
                : $"<td{(bad ? " class=\"bad\"" : string.Empty)} title=\"{Figures.Percent(share)}\">{count.ToString(CultureInfo.InvariantCulture)}</td>");
        }

        w.WriteLine("</tr>");
    }

    private static void WriteBaseline(ReportContext context, TextWriter w)
    {
        var baseline = context.Baseline!;
        w.WriteLine("<section id=\"baseline\"><h2>Change against the baseline</h2>");
        w.WriteLine($"<p class=\"muted\">Baseline: {Text(baseline.TestName)}, started {Text(baseline.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))}. Red is worse, green better (beyond 5%).</p>");
        var regressions = context.Regressions;
        w.WriteLine($"<div id=\"regressions\" class=\"{(regressions.Count == 0 ? "ok" : "bad")}\"><h3>Regressions beyond noise</h3><p class=\"muted\">Noise: {Text(RegressionRule.Noise)}.{(context.FailOnRegression ? " Regressions fail this run." : string.Empty)}</p>");
        if (regressions.Count == 0)
        {
            w.WriteLine("<p><span class=\"ok\">✓</span> None.</p>");
        }
        else
        {
            w.WriteLine("<ul>");
            foreach (var regression in regressions)
            {
                w.WriteLine($"<li class=\"bad\">✗ {Text(regression.Description)}</li>");
            }

            w.WriteLine("</ul>");
        }

        w.WriteLine("</div>");
        w.WriteLine("<div class=\"table-wrap\"><table><thead><tr><th class=\"text\">scenario / step</th><th>rps</th><th>before</th><th>change</th><th>p95 ms</th><th>before</th><th>change</th><th>p99 ms</th><th>before</th><th>change</th><th>fail rate</th><th>before</th><th>change</th></tr></thead><tbody>");
        foreach (var scenario in context.Result.Scenarios)
        {
            DeltaRow(w, scenario.Name, "total", scenario.Total, baseline.FindStep(scenario.Name));
            foreach (var step in scenario.Steps)
            {
                DeltaRow(w, step.Name, "step", step, baseline.FindStep($"{scenario.Name}.{step.Name}"));
            }
        }

        w.WriteLine("</tbody></table></div></section>");
    }

    private static void DeltaRow(TextWriter w, string name, string css, StepResult now, StepSummary? before)
    {
        w.Write($"<tr class=\"{css}\"><td class=\"text{(css == "step" ? " step" : string.Empty)}\">{(css == "step" ? "↳ " : string.Empty)}{Text(name)}</td>");
        if (before is null)
        {
            w.WriteLine($"<td>{Figures.Rate(now.Rps)}</td><td colspan=\"2\" class=\"muted\">not in baseline</td><td>{Figures.Ms(now.Latency.P95Ms)}</td><td colspan=\"2\"></td><td>{Figures.Ms(now.Latency.P99Ms)}</td><td colspan=\"2\"></td><td>{Figures.Percent(now.FailRate)}</td><td colspan=\"2\"></td></tr>");
            return;
        }

        Delta(w, Figures.Rate(now.Rps), Figures.Rate(before.Rps), Figures.Change(now.Rps, before.Rps), Judge(now.Rps, before.Rps, higherIsBetter: true));
        Delta(w, Figures.Ms(now.Latency.P95Ms), Figures.Ms(before.LatencyMs.P95), Figures.Change(now.Latency.P95Ms, before.LatencyMs.P95), Judge(now.Latency.P95Ms, before.LatencyMs.P95, higherIsBetter: false));
        Delta(w, Figures.Ms(now.Latency.P99Ms), Figures.Ms(before.LatencyMs.P99), Figures.Change(now.Latency.P99Ms, before.LatencyMs.P99), Judge(now.Latency.P99Ms, before.LatencyMs.P99, higherIsBetter: false));
        var failCss = now.FailRate > before.FailRate + 0.001 ? "worse" : now.FailRate + 0.001 < before.FailRate ? "better" : null;
        Delta(w, Figures.Percent(now.FailRate), Figures.Percent(before.FailRate), Figures.PointChange(now.FailRate, before.FailRate), failCss);
        w.WriteLine("</tr>");
    }

    private static void Delta(TextWriter w, string now, string before, string change, string? css) =>
        w.Write($"<td>{Text(now)}</td><td class=\"muted\">{Text(before)}</td><td{(css is null ? string.Empty : $" class=\"{css}\"")}>{Text(change)}</td>");

    private static string? Judge(double now, double before, bool higherIsBetter)
    {
        if (before == 0)
        {
            return null;
        }

        var change = (now - before) / before;
        if (Math.Abs(change) <= 0.05)
        {
            return null;
        }

        return (change > 0) == higherIsBetter ? "better" : "worse";
    }
}
