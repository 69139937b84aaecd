namespace UnitTrustLoad.Engine.Model;

/// <summary>
/// The shape of a step's latency over the whole run, as HdrHistogram's percentile distribution draws it: for
/// successful and failed calls apart, latency at percentiles spaced evenly on a log scale of 1/(1-p).
/// </summary>
/// <param name="Ok">Successful calls' curve, lowest percentile first; empty when there were none.</param>
/// <param name="Failed">Failed calls' curve, lowest percentile first; empty when there were none.</param>
public sealed record LatencyDistribution(IReadOnlyList<PercentilePoint> Ok, IReadOnlyList<PercentilePoint> Failed)
{
    /// <summary>The distribution of no calls.</summary>
    public static LatencyDistribution Empty { get; } = new([], []);
}
