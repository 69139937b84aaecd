namespace UnitTrustLoad.Engine.Model;

/// <summary>What a sink learns when the run starts.</summary>
/// <param name="TestName">The test's name.</param>
/// <param name="StartedAt">Start time.</param>
/// <param name="Scenarios">Scenario names with their load simulation descriptions.</param>
/// <param name="ReportingInterval">Interval between <c>ReportIntervalAsync</c> calls: the configured one, or finer for a short run (<see cref="Running.LoadTest.ReportingInterval"/>).</param>
/// <param name="PlannedDuration">Longest planned scenario duration including warm-up, or null when iteration-bounded.</param>
public sealed record RunInfo(
    string TestName,
    DateTimeOffset StartedAt,
    IReadOnlyList<ScenarioInfo> Scenarios,
    TimeSpan ReportingInterval,
    TimeSpan? PlannedDuration);

/// <summary>A scenario as announced at start.</summary>
public sealed record ScenarioInfo(string Name, IReadOnlyList<string> LoadSimulations);
