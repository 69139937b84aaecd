namespace UnitTrustLoad.Engine.Model;

/// <summary>A latency distribution in milliseconds (HdrHistogram, microsecond precision, 3 significant digits).</summary>
public sealed record LatencyStats(
    double MinMs,
    double MeanMs,
    double MaxMs,
    double StdDevMs,
    double P50Ms,
    double P75Ms,
    double P95Ms,
    double P99Ms,
    double P999Ms)
{
    /// <summary>The distribution of no samples.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
