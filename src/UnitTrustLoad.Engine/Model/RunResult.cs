namespace UnitTrustLoad.Engine.Model;

/// <summary>The final, unformatted result of one load test run. Report writers and the JSON summary serialise it.</summary>
/// <param name="TestName">The test's name.</param>
/// <param name="StartedAt">When the first scenario started (UTC offset as measured).</param>
/// <param name="Duration">Wall time from start to the end of the stop grace period.</param>
/// <param name="Interrupted">True when the run was stopped before its simulations ended (cancellation, abort threshold).</param>
/// <param name="InterruptReason">Why it stopped early, or null.</param>
/// <param name="Scenarios">One result per scenario, in registration order.</param>
/// <param name="Thresholds">Every threshold's verdict, in declaration order.</param>
/// <param name="Counters">Custom counters by name (for example <c>consistency_violations</c>), summed over the run.</param>
/// <param name="Intervals">The time series: one entry per reporting interval, in order.</param>
/// <param name="SinkErrors">Sinks that failed, with the message; the run went on without them.</param>
public sealed record RunResult(
    string TestName,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    bool Interrupted,
    string? InterruptReason,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<ThresholdResult> Thresholds,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<IntervalStats> Intervals,
    IReadOnlyList<SinkError> SinkErrors)
{
    /// <summary>The capacity search's result, when the test ran one (<see cref="Running.LoadTest.Capacity"/>); partial when the run was stopped.</summary>
    public CapacityResult? Capacity { get; init; }

    /// <summary>True when every threshold passed.</summary>
    public bool ThresholdsPassed
    {
        get
        {
            foreach (var t in Thresholds)
            {
                if (!t.Passed)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
