using System.Text.Encodings.Web;
using System.Text.Json;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting.Html;

/// <summary>
/// Streams the charts' data as compact column-wise JSON straight into the page. The default encoder escapes
/// '&lt;', '&gt;' and '&amp;', so no name can close the &lt;script&gt; element that holds it.
/// </summary>
internal static class HtmlReportData
{
    private const int FlushEvery = 2048;

    private enum Series
    {
        Rps,
        P50,
        P95,
        P99,
        Fail,
    }

    public static async Task WriteAsync(RunResult result, Stream stream, CancellationToken cancellationToken)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, Indented = false };
        await using var json = new Utf8JsonWriter(stream, options);
        var intervals = result.Intervals;
        json.WriteStartObject();
        json.WriteNumber("intervalSeconds", intervals.Count > 0 ? intervals[0].Duration.TotalSeconds : 0);
        json.WriteStartArray("time");
        foreach (var interval in intervals)
        {
            json.WriteNumberValue(Math.Round((interval.Start + interval.Duration).TotalSeconds, 3));
        }

        json.WriteEndArray();
        json.WriteStartArray("scenarios");
        foreach (var scenario in result.Scenarios)
        {
            json.WriteStartObject();
            json.WriteString("name", scenario.Name);
            await ScenarioColumnAsync(json, "active", intervals, scenario.Name, static s => s.ActiveCopies, cancellationToken);
            await ScenarioColumnAsync(json, "target", intervals, scenario.Name, static s => s.TargetRate, cancellationToken);
            await ScenarioColumnAsync(json, "dropped", intervals, scenario.Name, static s => s.DroppedIterations, cancellationToken);
            json.WritePropertyName("total");
            await StepAsync(json, intervals, scenario.Name, null, scenario.Total, cancellationToken);
            json.WriteStartArray("steps");
            foreach (var step in scenario.Steps)
            {
                await StepAsync(json, intervals, scenario.Name, step.Name, step, cancellationToken);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteCapacity(json, result.Capacity);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The capacity search's steps as columns ordered by offered rate (the knee charts' x axis), or nothing.</summary>
    private static void WriteCapacity(Utf8JsonWriter json, CapacityResult? capacity)
    {
        if (capacity is null)
        {
            return;
        }

        // One point per rate, the last judged (a confirmation replaces the step it repeated).
        var steps = capacity.Steps.GroupBy(s => s.Rate).Select(g => g.Last()).OrderBy(s => s.Rate).ToList();
        json.WriteStartObject("capacity");
        void Column(string name, Func<CapacityStep, double?> value)
        {
            json.WriteStartArray(name);
            foreach (var step in steps)
            {
                if (value(step) is { } v && double.IsFinite(v))
                {
                    json.WriteNumberValue(Math.Round(v, 3));
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
        }

        Column("rate", static s => s.Rate);
        Column("achieved", static s => s.AchievedRate);
        Column("p50", static s => s.P50);
        Column("p95", static s => s.P95);
        Column("p99", static s => s.P99);
        Column("fail", static s => s.FailRate * 100);
        json.WriteEndObject();
    }

    private static async Task StepAsync(
        Utf8JsonWriter json, IReadOnlyList<IntervalStats> intervals, string scenario, string? step, StepResult overall, CancellationToken cancellationToken)
    {
        json.WriteStartObject();
        if (step is not null)
        {
            json.WriteString("name", step);
        }

        await StepColumnAsync(json, "rps", intervals, scenario, step, Series.Rps, cancellationToken);
        await StepColumnAsync(json, "p50", intervals, scenario, step, Series.P50, cancellationToken);
        await StepColumnAsync(json, "p95", intervals, scenario, step, Series.P95, cancellationToken);
        await StepColumnAsync(json, "p99", intervals, scenario, step, Series.P99, cancellationToken);
        await StepColumnAsync(json, "fail", intervals, scenario, step, Series.Fail, cancellationToken);
        WriteDistribution(json, overall.Distribution);
        json.WriteEndObject();
    }

    /// <summary>The whole run's percentile curves: per series, percentiles and the latency at each.</summary>
    private static void WriteDistribution(Utf8JsonWriter json, LatencyDistribution? distribution)
    {
        json.WritePropertyName("distribution");
        if (distribution is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        WriteCurve(json, "ok", distribution.Ok);
        WriteCurve(json, "failed", distribution.Failed);
        json.WriteEndObject();
    }

    private static void WriteCurve(Utf8JsonWriter json, string name, IReadOnlyList<PercentilePoint> points)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("p");
        foreach (var point in points)
        {
            json.WriteNumberValue(Math.Round(point.Percentile, 6));
        }

        json.WriteEndArray();
        json.WriteStartArray("ms");
        foreach (var point in points)
        {
            WriteFinite(json, point.LatencyMs);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task ScenarioColumnAsync(
        Utf8JsonWriter json, string name, IReadOnlyList<IntervalStats> intervals, string scenario, Func<ScenarioIntervalStats, double> value, CancellationToken cancellationToken)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < intervals.Count; i++)
        {
            var stats = Find(intervals[i], scenario);
            if (stats is null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteFinite(json, value(stats));
            }

            await FlushSometimesAsync(json, i, cancellationToken);
        }

        json.WriteEndArray();
    }

    private static async Task StepColumnAsync(
        Utf8JsonWriter json, string name, IReadOnlyList<IntervalStats> intervals, string scenario, string? step, Series series, CancellationToken cancellationToken)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < intervals.Count; i++)
        {
            var stats = Find(intervals[i], scenario);
            var result = stats is null ? null : step is null ? stats.Total : Find(stats, step);
            if (result is null)
            {
                json.WriteNullValue();
            }
            else if (series == Series.Fail)
            {
                json.WriteNumberValue(result.FailCount);
            }
            else if (result.Count == 0 && series != Series.Rps)
            {
                // No sample in this interval: a gap in the line, not a fake zero latency.
                json.WriteNullValue();
            }
            else
            {
                WriteFinite(json, series switch
                {
                    Series.Rps => result.Rps,
                    Series.P50 => result.Latency.P50Ms,
                    Series.P95 => result.Latency.P95Ms,
                    _ => result.Latency.P99Ms,
                });
            }

            await FlushSometimesAsync(json, i, cancellationToken);
        }

        json.WriteEndArray();
    }

    // JSON has no NaN or infinity; a figure the engine could not compute is a gap in the chart.
    private static void WriteFinite(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(Math.Round(value, 2));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static ValueTask FlushSometimesAsync(Utf8JsonWriter json, int i, CancellationToken cancellationToken) =>
        i % FlushEvery == FlushEvery - 1 ? new ValueTask(json.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;

    private static ScenarioIntervalStats? Find(IntervalStats interval, string scenario)
    {
        foreach (var s in interval.Scenarios)
        {
            if (string.Equals(s.Name, scenario, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    private static StepResult? Find(ScenarioIntervalStats scenario, string step)
    {
        foreach (var s in scenario.Steps)
        {
            if (string.Equals(s.Name, step, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }
}
