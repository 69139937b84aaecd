using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// The one home of a definition's validation: finds every problem before any load, so the user fixes them in one go.
/// Each load simulation checks its own fields (<see cref="Simulations.LoadSimulation.Validate"/>); this adds where.
/// </summary>
internal static class DefinitionValidator
{
    /// <summary>Every problem of <paramref name="test"/> (empty when it can run), and the thresholds that parsed.</summary>
    public static IReadOnlyList<DefinitionProblem> Validate(LoadTest test, out IReadOnlyList<ThresholdExpression> parsed)
    {
        var problems = new List<DefinitionProblem>();
        if (test.Scenarios.Count == 0)
        {
            problems.Add(new(DefinitionProblemKind.Missing, "no scenarios", "add at least one with WithScenarios(Scenario.Create(...))") { Field = nameof(LoadTest.Scenarios) });
        }

        if (test.ReportingInterval is { } interval && interval <= TimeSpan.Zero)
        {
            problems.Add(new(DefinitionProblemKind.NotPositive, $"ReportingInterval must be positive (was {interval})", "set it above zero, for example 00:00:05") { Field = nameof(LoadTest.ReportingInterval) });
        }

        if (test.StopGracePeriod < TimeSpan.Zero)
        {
            problems.Add(new(DefinitionProblemKind.Negative, $"StopGracePeriod must not be negative (was {test.StopGracePeriod})", "set it to 0 or more") { Field = nameof(LoadTest.StopGracePeriod) });
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in test.Scenarios)
        {
            if (scenario is null)
            {
                problems.Add(new(DefinitionProblemKind.Null, "a scenario is null", "pass scenarios made with Scenario.Create(...)"));
                continue;
            }

            if (!names.Add(scenario.Name))
            {
                problems.Add(new(DefinitionProblemKind.Duplicate, $"scenario name '{scenario.Name}' is used more than once", "give each scenario a unique name") { Scenario = scenario.Name });
            }

            CheckScenario(scenario, searched: test.Capacity?.Scenario == scenario.Name, problems);
        }

        if (test.Capacity is { } capacity)
        {
            CheckCapacity(capacity, names, problems);
        }

        parsed = CheckThresholds(test.Thresholds, names, problems);
        return problems;
    }

    private static void CheckCapacity(CapacitySearch capacity, HashSet<string> names, List<DefinitionProblem> problems)
    {
        if (!names.Contains(capacity.Scenario))
        {
            problems.Add(new(DefinitionProblemKind.UnknownScenario, $"the capacity search names scenario '{capacity.Scenario}', which is not defined", $"use one of: {string.Join(", ", names)}") { Field = nameof(LoadTest.Capacity), InCapacitySearch = true });
        }

        problems.AddRange(capacity.Validate());
        foreach (var slo in capacity.Slo)
        {
            if (ThresholdParser.TryParse(slo, out string? error) is null)
            {
                problems.Add(new(DefinitionProblemKind.InvalidThreshold, $"service level \"{slo}\": {error}", "correct the expression at that position") { Scenario = capacity.Scenario, Field = nameof(CapacitySearch.Slo), InCapacitySearch = true });
            }
        }
    }

    private static void CheckScenario(ScenarioProps scenario, bool searched, List<DefinitionProblem> problems)
    {
        if (scenario.LoadSimulations.Count == 0 && !searched)
        {
            problems.Add(new(DefinitionProblemKind.Missing, "has no load simulation", "add one with WithLoadSimulations(Simulation.Inject(...))") { Scenario = scenario.Name, Field = nameof(ScenarioProps.LoadSimulations) });
        }

        if (scenario.WarmUpDuration < TimeSpan.Zero)
        {
            problems.Add(new(DefinitionProblemKind.Negative, "WarmUpDuration must not be negative", "set it to 0 or more") { Scenario = scenario.Name, Field = nameof(ScenarioProps.WarmUpDuration) });
        }

        if (scenario.MaxConcurrency < 0)
        {
            problems.Add(new(DefinitionProblemKind.Negative, "MaxConcurrency must not be negative", "use 0 (engine default) or a positive cap") { Scenario = scenario.Name, Field = nameof(ScenarioProps.MaxConcurrency) });
        }

        for (int i = 0; i < scenario.LoadSimulations.Count; i++)
        {
            var simulation = scenario.LoadSimulations[i];
            if (simulation is null)
            {
                problems.Add(new(DefinitionProblemKind.Null, "is null", "create it with Simulation.*") { Scenario = scenario.Name, SimulationIndex = i });
                continue;
            }

            foreach (var problem in simulation.Validate())
            {
                problems.Add(problem with { Scenario = scenario.Name, SimulationIndex = i });
            }
        }
    }

    private static List<ThresholdExpression> CheckThresholds(IReadOnlyList<Threshold> thresholds, HashSet<string> names, List<DefinitionProblem> problems)
    {
        var parsed = new List<ThresholdExpression>(thresholds.Count);
        for (int i = 0; i < thresholds.Count; i++)
        {
            var threshold = thresholds[i];
            var expression = ThresholdParser.TryParse(threshold.Expression, out string? error);
            if (expression is null)
            {
                problems.Add(new(DefinitionProblemKind.InvalidThreshold, $"\"{threshold.Expression}\" ({threshold.Scope}): {error}", "correct the expression at that position") { ThresholdIndex = i, Field = nameof(Threshold.Expression) });
            }
            else
            {
                parsed.Add(expression);
            }

            if (threshold.Scenario is not null && !names.Contains(threshold.Scenario))
            {
                problems.Add(new(DefinitionProblemKind.UnknownScenario, $"\"{threshold.Expression}\" names scenario '{threshold.Scenario}', which is not defined", $"use one of: {string.Join(", ", names)}") { ThresholdIndex = i, Field = nameof(Threshold.Scenario) });
            }

            if (threshold.Step is not null && threshold.Scenario is null)
            {
                problems.Add(new(DefinitionProblemKind.StepWithoutScenario, $"\"{threshold.Expression}\" names step '{threshold.Step}' without a scenario", "set its Scenario too") { ThresholdIndex = i, Field = nameof(Threshold.Step) });
            }

            if (threshold.Window is { } window && window < TimeSpan.FromSeconds(1))
            {
                problems.Add(new(DefinitionProblemKind.NotPositive, $"\"{threshold.Expression}\": Window must be at least 1 s (was {window})", "windows are judged every second: use 00:00:01 or more") { ThresholdIndex = i, Field = nameof(Threshold.Window) });
            }

            if (threshold.Sustained && (threshold.Window is null || !threshold.AbortOnFail))
            {
                problems.Add(new(DefinitionProblemKind.Missing, $"\"{threshold.Expression}\": Sustained needs a Window and AbortOnFail", "set Window (for example 00:00:30) and AbortOnFail, or drop Sustained") { ThresholdIndex = i, Field = nameof(Threshold.Sustained) });
            }

            if (threshold.AbortGracePeriod < TimeSpan.Zero)
            {
                problems.Add(new(DefinitionProblemKind.Negative, $"\"{threshold.Expression}\": AbortGracePeriod must not be negative", "set it to 0 or more") { ThresholdIndex = i, Field = nameof(Threshold.AbortGracePeriod) });
            }
        }

        return parsed;
    }
}
