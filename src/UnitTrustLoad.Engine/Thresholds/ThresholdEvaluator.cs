using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Statistics;

namespace UnitTrustLoad.Engine.Thresholds;

/// <summary>What a threshold is measured against: the statistics of its scope, the span they cover and the drops.</summary>
/// <param name="Stats">Statistics of the scope, or null when the scope never ran (an unseen step).</param>
/// <param name="Span">Time the statistics cover (for rps).</param>
/// <param name="Dropped">Dropped iterations in the scope.</param>
internal sealed record ThresholdSubject(StepAccumulator? Stats, TimeSpan Span, long Dropped);

/// <summary>Decides one threshold against measured values.</summary>
internal static class ThresholdEvaluator
{
    public static ThresholdResult Evaluate(
        Threshold threshold,
        ThresholdExpression expression,
        ThresholdSubject subject,
        Func<string, long> counter,
        Func<string, string, double?>? baseline,
        bool abortedRun = false)
    {
        string scope = threshold.Scope;
        double? actual = Measure(expression, subject, counter);
        if (actual is null)
        {
            string why = subject.Stats is null
                ? $"'{scope}' recorded nothing (is the step name right?)"
                : subject.Stats.Count == 0
                    ? $"'{scope}' recorded no invocations, so {expression.MetricName} has no value"
                    : $"not judged: '{scope}' had no successful call, so {expression.MetricName} has no value (latency judges successful calls; its {subject.Stats.Fail} failed calls have their own figures)";
            return new ThresholdResult(threshold.Expression, scope, false, null, why, abortedRun);
        }

        double limit = expression.Limit;
        if (expression.Relative != BaselineRelation.None)
        {
            double? reference = baseline?.Invoke(scope, expression.MetricName);
            if (reference is null)
            {
                return new ThresholdResult(
                    threshold.Expression,
                    scope,
                    false,
                    actual,
                    $"no baseline value for {expression.MetricName} in '{scope}'; supply a baseline run or use a plain number",
                    abortedRun);
            }

            limit = expression.Relative == BaselineRelation.Times ? reference.Value * expression.Limit : reference.Value + expression.Limit;
        }

        bool passed = expression.Holds(actual.Value, limit);
        string? message = passed
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{expression.MetricName} was {actual.Value:0.###}, required {expression.Operator} {limit:0.###}");
        return new ThresholdResult(threshold.Expression, scope, passed, actual, message, abortedRun);
    }

    private static double? Measure(ThresholdExpression expression, ThresholdSubject subject, Func<string, long> counter)
    {
        if (expression.Metric == ThresholdMetric.Counter)
        {
            return counter(expression.MetricName);
        }

        if (expression.Metric == ThresholdMetric.Dropped)
        {
            return subject.Dropped;
        }

        var stats = subject.Stats;
        if (stats is null)
        {
            return null;
        }

        switch (expression.Metric)
        {
            case ThresholdMetric.Count:
                return stats.Count;
            case ThresholdMetric.CountOk:
                return stats.Ok;
            case ThresholdMetric.CountFail:
                return stats.Fail;
            case ThresholdMetric.FailRate:
                return stats.Count == 0 ? 0 : (double)stats.Fail / stats.Count;
            case ThresholdMetric.Rps:
                return subject.Span > TimeSpan.Zero ? stats.Count / subject.Span.TotalSeconds : 0;
            default:
                break;
        }

        // Latency judges successful calls: a refused connect answered in microseconds must not pass "p(95) < 2000".
        if (stats.Ok == 0)
        {
            return null;
        }

        var histogram = stats.Histogram;
        double micros = expression.Metric switch
        {
            ThresholdMetric.Percentile => histogram.GetValueAtPercentile(expression.Percentile),
            ThresholdMetric.Mean => HdrHistogram.HistogramExtensions.GetMean(histogram),
            ThresholdMetric.Min => LatencyHistogram.MinMicroseconds(histogram),
            ThresholdMetric.Max => HdrHistogram.HistogramExtensions.GetMaxValue(histogram),
            _ => HdrHistogram.HistogramExtensions.GetStdDeviation(histogram),
        };
        return micros / 1000.0;
    }
}
