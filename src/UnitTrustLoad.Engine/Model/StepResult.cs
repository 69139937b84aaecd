namespace UnitTrustLoad.Engine.Model;

/// <summary>Statistics of one step (or of a whole iteration) over a span of time.</summary>
/// <param name="Name">Step name.</param>
/// <param name="OkCount">Successful invocations.</param>
/// <param name="FailCount">Failed invocations.</param>
/// <param name="Rps">Invocations (ok + fail) per second over the span.</param>
/// <param name="Latency">Latency distribution of the successful invocations (failed ones are in <see cref="FailLatency"/>).</param>
/// <param name="StatusCodes">Invocation count per status code string (for example "200", "500", "timeout").</param>
/// <param name="BytesSent">Bytes sent, as reported by the responses.</param>
/// <param name="BytesReceived">Bytes received, as reported by the responses.</param>
public sealed record StepResult(
    string Name,
    long OkCount,
    long FailCount,
    double Rps,
    LatencyStats Latency,
    IReadOnlyDictionary<string, long> StatusCodes,
    long BytesSent,
    long BytesReceived)
{
    /// <summary>Latency distribution of the failed invocations, or null when none failed.</summary>
    public LatencyStats? FailLatency { get; init; }

    /// <summary>The whole run's percentile curves of successful and failed calls; null in an interval's figures.</summary>
    public LatencyDistribution? Distribution { get; init; }

    /// <summary>All invocations.</summary>
    public long Count => OkCount + FailCount;

    /// <summary>Failed share of all invocations, 0 when there were none.</summary>
    public double FailRate => Count == 0 ? 0 : (double)FailCount / Count;
}
