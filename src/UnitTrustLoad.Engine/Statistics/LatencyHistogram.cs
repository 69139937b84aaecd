using HdrHistogram;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Statistics;

/// <summary>The one histogram shape the engine uses: microseconds, 3 significant digits, up to one hour.</summary>
internal static class LatencyHistogram
{
    /// <summary>One hour in microseconds; longer latencies are clamped to it rather than lost.</summary>
    public const long HighestTrackableMicroseconds = 3_600_000_000;

    public const int SignificantDigits = 3;

    public static LongHistogram Create() => new(1, HighestTrackableMicroseconds, SignificantDigits);

    /// <summary>Converts a timestamp difference to whole microseconds, clamped into the trackable range.</summary>
    public static long ToMicroseconds(long elapsedTicks, long ticksPerSecond)
    {
        if (elapsedTicks <= 0)
        {
            return 0;
        }

        // Split to avoid overflow of elapsed * 1e6 for long spans.
        long whole = elapsedTicks / ticksPerSecond;
        long rest = elapsedTicks % ticksPerSecond;
        long micros = (whole * 1_000_000) + (rest * 1_000_000 / ticksPerSecond);
        return micros > HighestTrackableMicroseconds ? HighestTrackableMicroseconds : micros;
    }

    /// <summary>Reads the summary figures, in milliseconds, from a histogram of microseconds.</summary>
    public static LatencyStats Describe(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return LatencyStats.Empty;
        }

        return new LatencyStats(
            MinMs: MinMicroseconds(histogram) / 1000.0,
            MeanMs: histogram.GetMean() / 1000.0,
            MaxMs: histogram.GetMaxValue() / 1000.0,
            StdDevMs: histogram.GetStdDeviation() / 1000.0,
            P50Ms: histogram.GetValueAtPercentile(50) / 1000.0,
            P75Ms: histogram.GetValueAtPercentile(75) / 1000.0,
            P95Ms: histogram.GetValueAtPercentile(95) / 1000.0,
            P99Ms: histogram.GetValueAtPercentile(99) / 1000.0,
            P999Ms: histogram.GetValueAtPercentile(99.9) / 1000.0);
    }

    /// <summary>The lowest recorded value (the package exposes no public minimum).</summary>
    public static long MinMicroseconds(HistogramBase histogram)
    {
        foreach (var bucket in histogram.RecordedValues())
        {
            return histogram.LowestEquivalentValue(bucket.ValueIteratedTo);
        }

        return 0;
    }
}
