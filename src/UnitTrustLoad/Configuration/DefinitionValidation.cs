using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Has the engine validate the load test the options describe (its one home for that), before any traffic, and names
/// each typed problem by its configuration path: <c>Load:Scenarios:journey:Simulations:0:Rate</c>, <c>Load:Vus (--vus)</c>,
/// <c>Thresholds:2:Expression</c>. A path the earlier checks already named is not named twice.
/// </summary>
internal static class DefinitionValidation
{
    public static void Check(SuiteOptions options, List<string> problems)
    {
        var (test, thresholdIndexes) = LoadDefinition.ForValidation(options);
        var found = new List<(string Path, DefinitionProblem Problem)>();
        foreach (var problem in test.Validate())
        {
            found.Add((PathOf(problem, options.Load, thresholdIndexes), problem));
        }

        if (SimulationMapper.UsesShortcut(options.Load))
        {
            // The shortcut replaces the configured stages, but a broken file should not pass unnoticed.
            foreach (var scenario in test.Scenarios)
            {
                var configured = SimulationMapper.Configured(options.Load.Scenarios[scenario.Name]);
                for (var i = 0; i < configured.Count; i++)
                {
                    foreach (var problem in configured[i].Validate())
                    {
                        found.Add((StagePath(options.Load, scenario.Name, i, problem.Field), problem with { Scenario = scenario.Name, SimulationIndex = i }));
                    }
                }
            }
        }

        var earlier = problems.Count;
        foreach (var (path, problem) in found)
        {
            var name = ConfigurationShape.Name(path) + ": ";
            if (!problems.Take(earlier).Any(p => p.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{name}{problem.Message}; {FixOf(problem)}.");
            }
        }
    }

    private static string PathOf(DefinitionProblem problem, LoadOptions load, List<int> thresholdIndexes)
    {
        if (problem.InCapacitySearch)
        {
            return problem.Field is null or nameof(LoadTest.Capacity)
                ? $"{CapacityOptions.SectionName}:{nameof(CapacityOptions.Enabled)}"
                : $"{CapacityOptions.SectionName}:{problem.Field}";
        }

        if (problem.ThresholdIndex is { } threshold)
        {
            return Join($"{ThresholdOptions.SectionName}:{thresholdIndexes[threshold]}", problem.Field);
        }

        if (problem.Scenario is not { } scenario)
        {
            return problem.Field switch
            {
                nameof(LoadTest.ReportingInterval) => $"{LoadOptions.SectionName}:{nameof(LoadOptions.ReportingInterval)}",
                nameof(LoadTest.StopGracePeriod) => $"{LoadOptions.SectionName}:{nameof(LoadOptions.StopGracePeriod)}",
                _ => $"{LoadOptions.SectionName}:{nameof(LoadOptions.Scenarios)}",
            };
        }

        if (problem.SimulationIndex is { } index)
        {
            return load.Stages.Count > 0 ? CommandLineStagePath(index, problem.Field)
                : SimulationMapper.UsesShortcut(load) ? ShortcutPath(problem.Field)
                : StagePath(load, scenario, index, problem.Field);
        }

        var path = ScenarioPath(load, scenario);
        return problem.Field switch
        {
            nameof(ScenarioProps.LoadSimulations) => $"{path}:{nameof(ScenarioOptions.Simulations)}",
            nameof(ScenarioProps.WarmUpDuration) => $"{path}:{nameof(ScenarioOptions.WarmUp)}",
            nameof(ScenarioProps.MaxConcurrency) => $"{path}:{nameof(ScenarioOptions.MaxConcurrency)}",
            _ => path,
        };
    }

    /// <summary>The shortcut's settings stand for the one stage it makes.</summary>
    private static string ShortcutPath(string? field) => field switch
    {
        SimulationField.Copies => $"{LoadOptions.SectionName}:{nameof(LoadOptions.Vus)}",
        SimulationField.Rate => $"{LoadOptions.SectionName}:{nameof(LoadOptions.Rate)}",
        _ => $"{LoadOptions.SectionName}:{nameof(LoadOptions.Duration)}",
    };

    /// <summary>A --stage ramp's settings: its Target stands for the copies, its Duration for During.</summary>
    private static string CommandLineStagePath(int index, string? field) => Join(
        $"{LoadOptions.SectionName}:{nameof(LoadOptions.Stages)}:{index}",
        field == SimulationField.Copies ? nameof(StageOptions.Target) : nameof(StageOptions.Duration));

    private static string StagePath(LoadOptions load, string scenario, int index, string? field)
        => Join($"{ScenarioPath(load, scenario)}:{nameof(ScenarioOptions.Simulations)}:{index}", field);

    /// <summary>The scenario's key as the configuration spells it.</summary>
    private static string ScenarioPath(LoadOptions load, string scenario)
    {
        foreach (var key in load.Scenarios.Keys)
        {
            if (string.Equals(key, scenario, StringComparison.OrdinalIgnoreCase))
            {
                return $"{LoadOptions.SectionName}:{nameof(LoadOptions.Scenarios)}:{key}";
            }
        }

        return $"{LoadOptions.SectionName}:{nameof(LoadOptions.Scenarios)}:{scenario}";
    }

    /// <summary>The engine's fix speaks code; a configuration's user writes JSON or an option.</summary>
    private static string FixOf(DefinitionProblem problem) => problem switch
    {
        { Field: nameof(ScenarioProps.LoadSimulations), Kind: DefinitionProblemKind.Missing }
            => "add one (for example { \"Kind\": \"KeepConstant\", \"Copies\": 5, \"During\": \"00:01:00\" }) or use --vus/--rate",
        { Kind: DefinitionProblemKind.UnknownScenario } => "set the threshold's Scenario to a running scenario, or leave it empty for the whole run",
        _ => problem.Fix,
    };

    private static string Join(string path, string? field) => field is null ? path : $"{path}:{field}";
}
