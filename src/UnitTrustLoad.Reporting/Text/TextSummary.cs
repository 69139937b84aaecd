using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>The k6-like end-of-test summary: printed by the app and written to summary.txt (plain text, no ANSI).</summary>
public static class TextSummary
{
    private const int LabelWidth = 24;

    /// <summary>Renders the summary of a finished run.</summary>
    public static string Render(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(context, writer);
        return writer.ToString();
    }

    internal static void Write(ReportContext context, TextWriter w)
    {
        var result = context.Result;
        var passed = Verdict.Passed(context);
        w.WriteLine($"{(passed ? "✓" : "✗")} {result.TestName}: {Verdict.Describe(context)}");
        Line(w, 2, "started", Figures.Timestamp(context.LocalStartedAt, context.TimeZone));
        Line(w, 2, "duration", Figures.Duration(result.Duration));
        Line(w, 2, "exit code", context.ExitCode.ToString(CultureInfo.InvariantCulture));
        if (context.Baseline is { } baseline)
        {
            Line(w, 2, "baseline", $"{baseline.TestName}, started {baseline.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}");
        }

        if (context.Settings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  settings");
            foreach (var setting in context.Settings)
            {
                Line(w, 4, setting.Key, setting.Value);
            }
        }

        WriteCapacity(result, w);
        WriteChecks(result, w);
        WriteThresholds(result, w);
        WriteRegressions(context, w);
        foreach (var scenario in result.Scenarios)
        {
            WriteScenario(context, scenario, w);
        }

        w.WriteLine();
        foreach (var check in context.AllChecks)
        {
            w.WriteLine($"  {check.Mark} {check.Name}: {check.Verdict}");
        }
        foreach (var error in result.SinkErrors)
        {
            w.WriteLine($"  ! sink {error.Sink} failed ({error.Phase}): {error.Message}");
        }
    }

    private static void WriteCapacity(RunResult result, TextWriter w)
    {
        if (result.Capacity is not { } capacity)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine($"  capacity of {capacity.Scenario}: {CapacityText.Headline(capacity)}");
        foreach (var line in CapacityText.Lines(capacity))
        {
            Line(w, 4, line.Key, line.Value);
        }

        var rows = CapacityText.Rows(capacity).ToList();
        var widths = CapacityText.Columns.Select((c, i) => Math.Max(c.Length, rows.Count == 0 ? 0 : rows.Max(r => i == rows[0].Length - 1 ? 0 : r[i].Length))).ToArray();
        w.WriteLine("    " + string.Join("  ", CapacityText.Columns.Select((c, i) => i == widths.Length - 1 ? c : c.PadLeft(widths[i]))));
        foreach (var row in rows)
        {
            w.WriteLine("    " + string.Join("  ", row.Select((c, i) => i == widths.Length - 1 ? c : c.PadLeft(widths[i]))));
        }
    }

    // k6's checks: each step's invocations either passed or not.
    private static void WriteChecks(RunResult result, TextWriter w)
    {
        if (result.Scenarios.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("  checks");
        foreach (var scenario in result.Scenarios)
        {
            foreach (var step in scenario.Steps.Count > 0 ? scenario.Steps : [scenario.Total])
            {
                var name = ReferenceEquals(step, scenario.Total) ? scenario.Name : $"{scenario.Name}.{step.Name}";
                var okShare = step.Count == 0 ? 1 : (double)step.OkCount / step.Count;
                w.WriteLine($"    {(step.FailCount == 0 ? "✓" : "✗")} {name}: {Figures.Percent(okShare)} ok ({step.OkCount}/{step.Count})");
            }
        }
    }

    private static void WriteThresholds(RunResult result, TextWriter w)
    {
        if (result.Thresholds.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("  thresholds");
        foreach (var t in result.Thresholds)
        {
            var note = t.Message is { Length: > 0 } message && !t.Passed ? $"  ({message})" : string.Empty;
            var aborted = t.AbortedRun ? "  [aborted the run]" : string.Empty;
            w.WriteLine($"    {(t.Passed ? "✓" : "✗")} {t.Scope}: {t.Expression}  actual={Figures.Value(t.Actual)}{note}{aborted}");
        }
    }

    private static void WriteRegressions(ReportContext context, TextWriter w)
    {
        if (context.Baseline is null)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine($"  regressions against the baseline (beyond noise: {RegressionRule.Noise}){(context.FailOnRegression ? ", failing the run" : string.Empty)}");
        var regressions = context.Regressions;
        if (regressions.Count == 0)
        {
            w.WriteLine("    ✓ none");
        }

        foreach (var regression in regressions)
        {
            w.WriteLine($"    ✗ {regression.Description}");
        }
    }

    private static void WriteScenario(ReportContext context, ScenarioResult scenario, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"  █ {scenario.Name}");
        if (scenario.LoadSimulations.Count > 0)
        {
            Line(w, 4, "load", string.Join(", then ", scenario.LoadSimulations));
        }

        Line(w, 4, "duration", Figures.Duration(scenario.Duration));
        Line(w, 4, "warm-up", Figures.WarmUp(scenario.WarmUp));
        Line(w, 4, "dropped iterations", scenario.DroppedIterations.ToString(CultureInfo.InvariantCulture));
        if (scenario.InterruptedIterations > 0)
        {
            Line(w, 4, "interrupted", $"{scenario.InterruptedIterations.ToString(CultureInfo.InvariantCulture)} iterations cut off by the stop after its grace period (not failures)");
        }
        if (scenario.ResponseTime is { } r)
        {
            // The iterations' latency below is service time, from the actual start; this is from the intended start.
            Line(w, 4, "from intended start", $"{Latencies(r, withMin: false)} ms (response time, queueing included)");
        }
        WriteStep(context, scenario.Name, scenario.Total, "iterations", scenario.Name, w);
        foreach (var step in scenario.Steps)
        {
            WriteStep(context, $"{scenario.Name}.{step.Name}", step, $"↳ {step.Name}", null, w);
        }
    }

    private static void WriteStep(ReportContext context, string scope, StepResult step, string label, string? baselineScope, TextWriter w)
    {
        var l = step.Latency;
        Line(w, 4, label, $"{step.Count} ok={step.OkCount} fail={step.FailCount} ({Figures.Percent(step.FailRate)}) {Figures.Rate(step.Rps)}/s");
        Line(w, 6, "latency ms", step.OkCount == 0
            ? "no successful call"
            : Latencies(l, withMin: true));
        if (step.FailLatency is { } f)
        {
            Line(w, 6, "failed calls ms", Latencies(f, withMin: true));
        }
        Line(w, 6, "status codes", Figures.StatusCodes(step.StatusCodes));
        if (step.BytesSent > 0 || step.BytesReceived > 0)
        {
            Line(w, 6, "data", $"sent={Figures.Bytes(step.BytesSent)} received={Figures.Bytes(step.BytesReceived)}");
        }

        if (context.Baseline is { } baseline)
        {
            var before = baseline.FindStep(baselineScope ?? scope);
            Line(w, 6, "vs baseline", before is null
                ? "not in baseline"
                : $"rps {Figures.Change(step.Rps, before.Rps)}  p95 {Figures.Change(step.Latency.P95Ms, before.LatencyMs.P95)}  p99 {Figures.Change(step.Latency.P99Ms, before.LatencyMs.P99)}  fail rate {Figures.PointChange(step.FailRate, before.FailRate)}");
        }
    }

    private static string Latencies(LatencyStats l, bool withMin) =>
        $"avg={Figures.Ms(l.MeanMs)}{(withMin ? $" min={Figures.Ms(l.MinMs)}" : string.Empty)} p50={Figures.Ms(l.P50Ms)} p95={Figures.Ms(l.P95Ms)} p99={Figures.Ms(l.P99Ms)} max={Figures.Ms(l.MaxMs)}";

    private static void Line(TextWriter w, int indent, string label, string value)
    {
        w.Write(new string(' ', indent));
        w.Write(label);
        w.Write(' ');
        var dots = LabelWidth - indent - label.Length;
        w.Write(new string('.', Math.Max(dots, 2)));
        w.Write(": ");
        w.WriteLine(value);
    }
}
