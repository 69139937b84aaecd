using HdrHistogram;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Statistics;

/// <summary>
/// Percentile curves from a histogram, as HdrHistogram's percentile distribution plots them: points spaced evenly in
/// log10(1/(1-p)), <see cref="PointsPerDecade"/> per decade (0 %, 90 %, 99 %, 99.9 %, ... are whole decades), up to
/// the rank of the last call, then the maximum.
/// </summary>
internal static class LatencyCurve
{
    public const int PointsPerDecade = 16;

    /// <summary>The deepest decade drawn (99.9999 %); beyond it a run's calls add only the maximum.</summary>
    public const int MaxDecades = 6;

    /// <summary>Successful and failed calls' curves, from their own histograms.</summary>
    public static LatencyDistribution Of(HistogramBase ok, HistogramBase? failed) =>
        new(Points(ok), failed is null || failed.TotalCount == 0 ? [] : Points(failed));

    /// <summary>The curve of one histogram of microseconds, in milliseconds; empty for no calls.</summary>
    public static List<PercentilePoint> Points(HistogramBase histogram)
    {
        long count = histogram.TotalCount;
        var points = new List<PercentilePoint>();
        if (count == 0)
        {
            return points;
        }

        double deepest = Math.Min(Math.Log10(count), MaxDecades);
        // A hair added so that 1,000 calls reach 99.9 % despite log10 rounding just below 3.
        int steps = (int)Math.Floor((deepest * PointsPerDecade) + 1e-9);
        for (int i = 0; i <= steps; i++)
        {
            double percentile = 100.0 * (1 - Math.Pow(10, -(double)i / PointsPerDecade));
            points.Add(new PercentilePoint(percentile, histogram.GetValueAtPercentile(percentile) / 1000.0));
        }

        // The curve ends at the last call: its rank is 1 - 1/count, and its latency the maximum.
        double last = 100.0 * (1 - (1.0 / count));
        double max = histogram.GetMaxValue() / 1000.0;
        if (last > points[^1].Percentile + 1e-9)
        {
            points.Add(new PercentilePoint(last, max));
        }
        else
        {
            points[^1] = points[^1] with { LatencyMs = Math.Max(points[^1].LatencyMs, max) };
        }

        return points;
    }
}
