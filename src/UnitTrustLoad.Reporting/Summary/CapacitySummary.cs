using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>
/// summary.json's <c>capacity</c>: what a capacity search found (null when the run was not one).
/// </summary>
/// <param name="Scenario">The scenario searched.</param>
/// <param name="SustainableRate">The highest offered rate (arrivals per second) that held every service level, or null.</param>
/// <param name="BreakingRate">The lowest offered rate that broke one, or null.</param>
/// <param name="LimitedBy">"target", "generator", or null when nothing broke within the search's bounds.</param>
/// <param name="BrokenBy">The service level that broke first at the breaking rate (the largest excess), or null.</param>
/// <param name="BrokenByMessage">By how much, in words.</param>
/// <param name="End">Why the search ended: resolution, maxRate, maxDuration, generator or stopped.</param>
/// <param name="DurationSeconds">How long the search ran.</param>
/// <param name="Sustainable">The step at the sustainable rate (its percentiles and failure rate), or null.</param>
/// <param name="Steps">Every judged step, in the order offered.</param>
public sealed record CapacitySummary(
    string Scenario,
    int? SustainableRate,
    int? BreakingRate,
    string? LimitedBy,
    string? BrokenBy,
    string? BrokenByMessage,
    string End,
    double DurationSeconds,
    CapacityStepSummary? Sustainable,
    IReadOnlyList<CapacityStepSummary> Steps)
{
    /// <summary>The summary of <paramref name="result"/>, or null.</summary>
    public static CapacitySummary? From(CapacityResult? result)
    {
        if (result is null)
        {
            return null;
        }

        var steps = new List<CapacityStepSummary>(result.Steps.Count);
        foreach (var step in result.Steps)
        {
            steps.Add(CapacityStepSummary.From(step));
        }

        return new CapacitySummary(
            result.Scenario,
            result.SustainableRate,
            result.BreakingRate,
            result.LimitedBy,
            result.BrokenBy,
            result.BrokenByMessage,
            EndName(result.End),
            result.Duration.TotalSeconds,
            result.SustainableStep is { } sustainable ? CapacityStepSummary.From(sustainable) : null,
            steps);
    }

    /// <summary>camelCase, as the rest of summary.json.</summary>
    public static string EndName(CapacityEnd end) => end switch
    {
        CapacityEnd.Resolution => "resolution",
        CapacityEnd.MaxRate => "maxRate",
        CapacityEnd.MaxDuration => "maxDuration",
        CapacityEnd.Generator => "generator",
        _ => "stopped",
    };
}

/// <summary>One judged step of a capacity search (latencies in ms, over the part after the settle time).</summary>
/// <param name="Rate">Offered arrivals per second.</param>
/// <param name="AchievedRate">Iterations completed per second.</param>
/// <param name="P50">Median latency of successful iterations, or null when none succeeded.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="FailRate">Failed share of the iterations.</param>
/// <param name="Dropped">Arrivals the generator dropped.</param>
/// <param name="Passed">Every service level held and the generator delivered the step.</param>
/// <param name="GeneratorLimited">Too many arrivals dropped, or the generator's CPU near its cores.</param>
/// <param name="CpuCores">The generator process's CPU in cores.</param>
/// <param name="Confirmation">The step repeated a failing one at its rate; its verdict is the rate's.</param>
public sealed record CapacityStepSummary(
    int Rate,
    double AchievedRate,
    double? P50,
    double? P95,
    double? P99,
    double FailRate,
    long Dropped,
    bool Passed,
    bool GeneratorLimited,
    double CpuCores,
    bool Confirmation = false)
{
    /// <summary>The summary of <paramref name="step"/>.</summary>
    public static CapacityStepSummary From(CapacityStep step) => new(
        step.Rate, step.AchievedRate, step.P50, step.P95, step.P99, step.FailRate, step.Dropped, step.Passed, step.GeneratorLimited, step.CpuCores, step.Confirmation);
}
