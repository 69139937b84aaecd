using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Maps the configured stages (or the --vus/--rate/--duration shortcut) to the engine's load simulations through the
/// engine's one table of kinds (<see cref="Simulation.Kinds"/>). It only maps: whether a stage can run is the
/// engine's to say (<see cref="LoadSimulation.Validate"/>), and <see cref="DefinitionValidation"/> asks it.
/// </summary>
internal static class SimulationMapper
{
    public static readonly TimeSpan DefaultShortcutDuration = TimeSpan.FromSeconds(30);

    /// <summary>True when --vus, --rate or --duration replace every running scenario's configured stages.</summary>
    public static bool UsesShortcut(LoadOptions load) => load.Vus is not null || load.Rate is not null || load.Duration is not null;

    /// <summary>The stages the scenario runs: the shortcut's single stage, or its configured stages.</summary>
    public static List<LoadSimulation> For(ScenarioOptions scenario, LoadOptions load)
    {
        if (!UsesShortcut(load))
        {
            return Configured(scenario);
        }

        var during = load.Duration ?? TotalDuration(scenario) ?? DefaultShortcutDuration;
        if (load.Rate is { } rate)
        {
            return [Simulation.Inject(rate, TimeSpan.FromSeconds(1), during)];
        }

        return [Simulation.KeepConstant(load.Vus ?? FirstCopies(scenario) ?? 1, during)];
    }

    /// <summary>The configured stages, one simulation per stage in order (an unknown kind maps to one that says so).</summary>
    public static List<LoadSimulation> Configured(ScenarioOptions scenario)
    {
        var result = new List<LoadSimulation>(scenario.Simulations.Count);
        foreach (var stage in scenario.Simulations)
        {
            result.Add(Map(stage));
        }

        return result;
    }

    public static LoadSimulation Map(SimulationOptions stage) => Simulation.Build(stage.Kind, new SimulationSettings
    {
        Copies = stage.Copies,
        Rate = stage.Rate,
        MinRate = stage.MinRate,
        MaxRate = stage.MaxRate,
        Interval = stage.Interval,
        During = stage.During,
        Iterations = stage.Iterations,
    });

    private static TimeSpan? TotalDuration(ScenarioOptions scenario)
    {
        var total = TimeSpan.Zero;
        foreach (var stage in scenario.Simulations)
        {
            total += stage.During;
        }

        return total > TimeSpan.Zero ? total : null;
    }

    private static int? FirstCopies(ScenarioOptions scenario)
    {
        foreach (var stage in scenario.Simulations)
        {
            if (stage.Copies > 0)
            {
                return stage.Copies;
            }
        }

        return null;
    }
}
