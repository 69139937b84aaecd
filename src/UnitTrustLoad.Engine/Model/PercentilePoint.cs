namespace UnitTrustLoad.Engine.Model;

/// <summary>One point of a percentile curve.</summary>
/// <param name="Percentile">0 to 100: the share of calls at or below <paramref name="LatencyMs"/>.</param>
/// <param name="LatencyMs">The latency at that percentile, in milliseconds.</param>
public sealed record PercentilePoint(double Percentile, double LatencyMs);
