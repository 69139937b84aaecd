namespace UnitTrustLoad.Engine.Model;

/// <summary>Statistics of one scenario over the whole run.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Total">The iteration as a whole (what the scenario function returned), named after the scenario.</param>
/// <param name="Steps">Per-step statistics, in the order steps were first seen.</param>
/// <param name="DroppedIterations">Open-model iterations that could not start on time.</param>
/// <param name="LoadSimulations">Human-readable description of each simulation, in order (for example "Inject 100/1s for 00:00:30").</param>
/// <param name="Duration">How long the scenario ran (warm-up excluded).</param>
public sealed record ScenarioResult(
    string Name,
    StepResult Total,
    IReadOnlyList<StepResult> Steps,
    long DroppedIterations,
    IReadOnlyList<string> LoadSimulations,
    TimeSpan Duration)
{
    /// <summary>The warm-up and what it left out of every figure above; null when the scenario had none.</summary>
    public WarmUpResult? WarmUp { get; init; }

    /// <summary>
    /// Open model: the successful iterations' time from their intended start (the schedule) to their end, as wrk2
    /// reports it to correct for coordinated omission: when the generator or the target queues, this grows while the
    /// service time (<see cref="Total"/>'s latency) may not. Null for the closed model, which has no schedule.
    /// </summary>
    public LatencyStats? ResponseTime { get; init; }

    /// <summary>
    /// Iterations the run's own stop cut off after the stop grace period: counted apart, as k6 counts interrupted
    /// iterations, never as failures of the target and in no latency.
    /// </summary>
    public long InterruptedIterations { get; init; }

    /// <summary>Iterations that returned OK.</summary>
    public long OkCount => Total.OkCount;

    /// <summary>Iterations that returned a failure (or threw).</summary>
    public long FailCount => Total.FailCount;
}
