using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>
/// One step's (or a scenario's whole iteration's) figures in summary.json. <c>latencyMs</c> is the successful calls'
/// latency (what thresholds judge); <c>failLatencyMs</c> the failed calls', or null when none failed.
/// </summary>
public sealed record StepSummary(
    string Name,
    long OkCount,
    long FailCount,
    double Rps,
    double FailRate,
    LatencySummary LatencyMs,
    IReadOnlyDictionary<string, long> StatusCodes,
    long BytesSent,
    long BytesReceived,
    LatencySummary? FailLatencyMs = null)
{
    /// <summary>All invocations.</summary>
    public long Count => OkCount + FailCount;

    /// <summary>Copies the engine's step figures.</summary>
    public static StepSummary From(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(
            step.Name,
            step.OkCount,
            step.FailCount,
            step.Rps,
            step.FailRate,
            LatencySummary.From(step.Latency),
            new SortedDictionary<string, long>(step.StatusCodes.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            step.BytesSent,
            step.BytesReceived,
            step.FailLatency is { } failed ? LatencySummary.From(failed) : null);
    }
}
