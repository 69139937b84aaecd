namespace UnitTrustLoad.Engine.Model;

/// <summary>One reporting interval of the run's time series.</summary>
/// <param name="Index">0-based interval number.</param>
/// <param name="Start">Offset of the interval's start from the run's start.</param>
/// <param name="Duration">Real length of the interval: the reporting interval, or for the last one between half and one and a half of it (a shorter tail is folded into its neighbour).</param>
/// <param name="Scenarios">Per scenario, what happened in this interval only.</param>
public sealed record IntervalStats(
    int Index,
    TimeSpan Start,
    TimeSpan Duration,
    IReadOnlyList<ScenarioIntervalStats> Scenarios);

/// <summary>One scenario's statistics within one reporting interval.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="ActiveCopies">Virtual users (closed model) or iterations in flight (open model) at the interval's end.</param>
/// <param name="TargetRate">Intended iterations per second (open model) at the interval's end; 0 for the closed model.</param>
/// <param name="DroppedIterations">Iterations dropped in this interval.</param>
/// <param name="Total">The whole iteration in this interval.</param>
/// <param name="Steps">Each step in this interval.</param>
public sealed record ScenarioIntervalStats(
    string Name,
    int ActiveCopies,
    double TargetRate,
    long DroppedIterations,
    StepResult Total,
    IReadOnlyList<StepResult> Steps);
