using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Text;

/// <summary>Writes summary.md: the text summary as GitHub-flavoured Markdown, for a pull request or $GITHUB_STEP_SUMMARY.</summary>
internal sealed class MarkdownSummaryWriter : TextReportWriter
{
    public override string FileName => "summary.md";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        Write(context, writer);
        return Task.CompletedTask;
    }

    internal static void Write(ReportContext context, TextWriter w)
    {
        var result = context.Result;
        w.WriteLine($"## {(Verdict.Passed(context) ? "✅" : "❌")} {Cell(result.TestName)}: {Cell(Verdict.Describe(context))}");
        w.WriteLine();
        w.WriteLine("| setting | value |");
        w.WriteLine("|---|---|");
        w.WriteLine($"| started | {Cell(Figures.Timestamp(context.LocalStartedAt, context.TimeZone))} |");
        w.WriteLine($"| duration | {Figures.Duration(result.Duration)} |");
        w.WriteLine($"| exit code | {context.ExitCode.ToString(CultureInfo.InvariantCulture)} |");
        if (context.Baseline is { } baseline)
        {
            w.WriteLine($"| baseline | {Cell(baseline.TestName)}, started {baseline.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} |");
        }

        foreach (var setting in context.Settings)
        {
            w.WriteLine($"| {Cell(setting.Key)} | {Cell(setting.Value)} |");
        }

        foreach (var scenario in result.Scenarios)
        {
            w.WriteLine($"| warm-up of {Cell(scenario.Name)} | {Cell(Figures.WarmUp(scenario.WarmUp))} |");
        }

        if (result.Capacity is { } capacity)
        {
            w.WriteLine();
            w.WriteLine($"### Capacity of {Cell(capacity.Scenario)}: {Cell(CapacityText.Headline(capacity))}");
            w.WriteLine();
            foreach (var line in CapacityText.Lines(capacity))
            {
                w.WriteLine($"- **{Cell(line.Key)}**: {Cell(line.Value)}");
            }

            w.WriteLine();
            w.WriteLine("| " + string.Join(" | ", CapacityText.Columns) + " |");
            w.WriteLine("|" + string.Concat(CapacityText.Columns.Select((_, i) => i == CapacityText.Columns.Count - 1 ? "---|" : "---:|")));
            foreach (var row in CapacityText.Rows(capacity))
            {
                w.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
            }
        }

        if (result.Thresholds.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Thresholds");
            w.WriteLine();
            w.WriteLine("| | scope | threshold | actual | note |");
            w.WriteLine("|---|---|---|---:|---|");
            foreach (var t in result.Thresholds)
            {
                var note = (t.Passed ? string.Empty : t.Message ?? string.Empty) + (t.AbortedRun ? " (aborted the run)" : string.Empty);
                w.WriteLine($"| {(t.Passed ? "✅" : "❌")} | {Cell(t.Scope)} | `{Code(t.Expression)}` | {Figures.Value(t.Actual)} | {Cell(note)} |");
            }
        }

        w.WriteLine();
        w.WriteLine("### Scenarios and steps");
        w.WriteLine();
        w.WriteLine("| scenario / step | count | ok | fail | fail % | rps | avg ms | min | p50 | p95 | p99 | max | status codes | dropped |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var scenario in result.Scenarios)
        {
            Row(w, $"**{Cell(scenario.Name)}**", scenario.Total, Figures.Count(scenario.DroppedIterations));
            foreach (var step in scenario.Steps)
            {
                Row(w, $"↳ {Cell(step.Name)}", step, string.Empty);
            }
        }

        if (context.Baseline is { } before)
        {
            WriteBaseline(result, before, w);
            WriteRegressions(context, w);
        }

        foreach (var check in context.AllChecks)
        {
            w.WriteLine();
            w.WriteLine($"**{check.Title}:** {(check.Held ? "✅" : "❌")} {check.Verdict}");
        }
    }

    private static void WriteBaseline(RunResult result, RunSummary baseline, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine("### Change against the baseline");
        w.WriteLine();
        w.WriteLine("| scenario / step | rps | p95 | p99 | fail rate |");
        w.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var scenario in result.Scenarios)
        {
            DeltaRow(w, $"**{Cell(scenario.Name)}**", scenario.Total, baseline.FindStep(scenario.Name));
            foreach (var step in scenario.Steps)
            {
                DeltaRow(w, $"↳ {Cell(step.Name)}", step, baseline.FindStep($"{scenario.Name}.{step.Name}"));
            }
        }
    }

    private static void WriteRegressions(ReportContext context, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"**Regressions beyond noise** ({RegressionRule.Noise}){(context.FailOnRegression ? ", failing the run" : string.Empty)}:{(context.Regressions.Count == 0 ? " ✅ none" : string.Empty)}");
        if (context.Regressions.Count > 0)
        {
            w.WriteLine();
        }

        foreach (var regression in context.Regressions)
        {
            w.WriteLine($"- ❌ {Cell(regression.Description)}");
        }
    }

    private static void Row(TextWriter w, string label, StepResult s, string dropped)
    {
        var l = s.Latency;
        w.WriteLine(
            $"| {label} | {s.Count} | {s.OkCount} | {s.FailCount} | {Figures.Percent(s.FailRate)} | {Figures.Rate(s.Rps)} | {Figures.Ms(l.MeanMs)} | {Figures.Ms(l.MinMs)} | {Figures.Ms(l.P50Ms)} | {Figures.Ms(l.P95Ms)} | {Figures.Ms(l.P99Ms)} | {Figures.Ms(l.MaxMs)} | {Figures.StatusCodes(s.StatusCodes)} | {dropped} |");
    }

    private static void DeltaRow(TextWriter w, string label, StepResult s, StepSummary? before)
    {
        if (before is null)
        {
            w.WriteLine($"| {label} | new | new | new | new |");
            return;
        }

        w.WriteLine(
            $"| {label} | {Figures.Change(s.Rps, before.Rps)} | {Figures.Change(s.Latency.P95Ms, before.LatencyMs.P95)} | {Figures.Change(s.Latency.P99Ms, before.LatencyMs.P99)} | {Figures.PointChange(s.FailRate, before.FailRate)} |");
    }

    // Pipes and line breaks would break the table; angle brackets would become HTML in GitHub's renderer.
    private static string Cell(string text) => text
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
