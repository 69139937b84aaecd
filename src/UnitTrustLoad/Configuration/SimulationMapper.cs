using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Maps the configured stages (or the --vus/--rate/--stage shortcuts, or their fit to --duration) to the engine's load
/// simulations through the engine's one table of kinds (<see cref="Simulation.Kinds"/>). It only maps: whether a stage
/// can run is the engine's to say (<see cref="LoadSimulation.Validate"/>), and <see cref="DefinitionValidation"/> asks it.
/// </summary>
internal static class SimulationMapper
{
    public static readonly TimeSpan DefaultShortcutDuration = TimeSpan.FromSeconds(30);

    /// <summary>True when --vus, --rate or --stage replace every running scenario's configured stages.</summary>
    public static bool UsesShortcut(LoadOptions load) => load.Vus is not null || load.Rate is not null || load.Stages.Count > 0;

    /// <summary>True when --duration alone fits every running scenario's configured shape to its length.</summary>
    public static bool FitsShape(LoadOptions load) => load.Duration is not null && !UsesShortcut(load);

    /// <summary>
    /// The stages the scenario runs: the --stage ramps, the --vus/--rate shortcut's single stage, its configured stages
    /// fitted to --duration, or its configured stages as they are.
    /// </summary>
    public static List<LoadSimulation> For(ScenarioOptions scenario, LoadOptions load)
    {
        if (load.Stages.Count > 0)
        {
            var ramps = new List<LoadSimulation>(load.Stages.Count);
            foreach (var stage in load.Stages)
            {
                ramps.Add(Simulation.RampingConstant(stage.Target, stage.Duration));
            }

            return ramps;
        }

        if (FitsShape(load) && TotalDuration(scenario) is not null)
        {
            return Fitted(scenario, load.Duration!.Value);
        }

        if (!UsesShortcut(load) && load.Duration is null)
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

    /// <summary>
    /// The configured stages with every timed stage's During scaled by the same factor, so they add up to
    /// <paramref name="length"/>: a ramp still ramps, a rate stays a rate. Stage ends are rounded to the millisecond
    /// (the last one lands exactly on the length); stages counted in iterations are kept as they are.
    /// </summary>
    public static List<LoadSimulation> Fitted(ScenarioOptions scenario, TimeSpan length)
    {
        var total = TotalDuration(scenario) ?? TimeSpan.Zero;
        var result = new List<LoadSimulation>(scenario.Simulations.Count);
        var configuredEnd = TimeSpan.Zero;
        var fittedEnd = TimeSpan.Zero;
        foreach (var stage in scenario.Simulations)
        {
            if (stage.During <= TimeSpan.Zero || total <= TimeSpan.Zero)
            {
                result.Add(Map(stage));
                continue;
            }

            configuredEnd += stage.During;
            var end = configuredEnd == total
                ? length
                : TimeSpan.FromMilliseconds(Math.Round(length.TotalMilliseconds * configuredEnd.Ticks / total.Ticks));
            if (end <= fittedEnd)
            {
                end = fittedEnd + TimeSpan.FromMilliseconds(1);
            }

            result.Add(Map(stage, end - fittedEnd));
            fittedEnd = end;
        }

        return result;
    }

    /// <summary>What the shortcuts did to the load shape, for the settings line; null when none is set.</summary>
    public static string? DescribeShortcut(LoadOptions load)
    {
        if (load.Stages.Count > 0)
        {
            var stages = new List<string>(load.Stages.Count);
            foreach (var stage in load.Stages)
            {
                stages.Add($"{DurationText.Format(stage.Duration)}:{stage.Target}");
            }

            return $"stages {string.Join(", ", stages)} (ramping virtual users in place of each scenario's shape)";
        }

        var duration = load.Duration is { } set ? set.ToString("c", System.Globalization.CultureInfo.InvariantCulture) : "each scenario's length";
        if (load.Vus is { } vus)
        {
            return $"{vus} virtual users for {duration} (in place of each scenario's shape)";
        }

        if (load.Rate is { } rate)
        {
            return $"{rate} iterations/s for {duration} (in place of each scenario's shape)";
        }

        return load.Duration is null ? null : $"duration {duration} (each scenario's shape fitted to it)";
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

    public static LoadSimulation Map(SimulationOptions stage) => Map(stage, stage.During);

    private static LoadSimulation Map(SimulationOptions stage, TimeSpan during) => Simulation.Build(stage.Kind, new SimulationSettings
    {
        Copies = stage.Copies,
        Rate = stage.Rate,
        MinRate = stage.MinRate,
        MaxRate = stage.MaxRate,
        Interval = stage.Interval,
        During = during,
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
