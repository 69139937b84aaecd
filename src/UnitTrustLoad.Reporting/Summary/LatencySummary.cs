using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>A latency distribution in milliseconds, as written to summary.json.</summary>
public sealed record LatencySummary(
    double Min,
    double Mean,
    double Max,
    double P50,
    double P75,
    double P95,
    double P99,
    double P999,
    double StdDev)
{
    /// <summary>Copies the engine's latency figures.</summary>
    public static LatencySummary From(LatencyStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new(stats.MinMs, stats.MeanMs, stats.MaxMs, stats.P50Ms, stats.P75Ms, stats.P95Ms, stats.P99Ms, stats.P999Ms, stats.StdDevMs);
    }
}
