using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>One scenario's figures in summary.json.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="OkCount">Iterations that returned OK.</param>
/// <param name="FailCount">Iterations that failed.</param>
/// <param name="DroppedIterations">Open-model iterations that could not start on time.</param>
/// <param name="DurationSeconds">How long the scenario ran.</param>
/// <param name="LoadSimulations">The load shape, one description per simulation.</param>
/// <param name="Iterations">The whole iteration's figures (rate, latency, status codes).</param>
/// <param name="Steps">Each step's figures.</param>
/// <param name="WarmUp">The warm-up and what it left out, or null when there was none (or the summary predates it).</param>
public sealed record ScenarioSummary(
    string Name,
    long OkCount,
    long FailCount,
    long DroppedIterations,
    double DurationSeconds,
    IReadOnlyList<string> LoadSimulations,
    StepSummary Iterations,
    IReadOnlyList<StepSummary> Steps,
    WarmUpSummary? WarmUp = null)
{
    /// <summary>Open model: the iterations' time from their intended start (wrk2's coordinated-omission correction); null for the closed model.</summary>
    public LatencySummary? ResponseTimeMs { get; init; }

    /// <summary>Iterations the run's stop cut off after its grace period (not failures).</summary>
    public long InterruptedIterations { get; init; }

    /// <summary>Copies the engine's scenario figures.</summary>
    public static ScenarioSummary From(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = new List<StepSummary>(scenario.Steps.Count);
        foreach (var step in scenario.Steps)
        {
            steps.Add(StepSummary.From(step));
        }

        return new(
            scenario.Name,
            scenario.OkCount,
            scenario.FailCount,
            scenario.DroppedIterations,
            scenario.Duration.TotalSeconds,
            scenario.LoadSimulations.ToList(),
            StepSummary.From(scenario.Total),
            steps,
            WarmUpSummary.From(scenario.WarmUp))
        {
            InterruptedIterations = scenario.InterruptedIterations,
            ResponseTimeMs = scenario.ResponseTime is { } response ? LatencySummary.From(response) : null,
        };
    }
}
