using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Configuration;

/// <summary>Turns the configured stages (or the --vus/--rate/--duration shortcut) into the engine's load simulations.</summary>
internal static class LoadShape
{
    public static readonly TimeSpan DefaultShortcutDuration = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<string> Kinds { get; } =
        ["KeepConstant", "RampingConstant", "IterationsForConstant", "Inject", "RampingInject", "InjectRandom", "IterationsForInject", "Pause"];

    /// <summary>The scenario's stages; problems (with their paths) are added for stages that cannot run.</summary>
    public static List<LoadSimulation> For(ScenarioOptions scenario, LoadOptions load, string path, List<string> problems)
    {
        // The configured stages are checked even when a shortcut replaces them: a broken file should not pass unnoticed.
        var configured = Configured(scenario, load, path, problems);
        if (load.Vus is not null || load.Rate is not null || load.Duration is not null)
        {
            var during = load.Duration ?? TotalDuration(scenario) ?? DefaultShortcutDuration;
            if (load.Rate is { } rate)
            {
                return [Simulation.Inject(rate, TimeSpan.FromSeconds(1), during)];
            }

            return [Simulation.KeepConstant(load.Vus ?? FirstCopies(scenario) ?? 1, during)];
        }

        return configured;
    }

    private static List<LoadSimulation> Configured(ScenarioOptions scenario, LoadOptions load, string path, List<string> problems)
    {
        var result = new List<LoadSimulation>();
        if (scenario.Simulations.Count == 0)
        {
            if (load.Vus is not null || load.Rate is not null)
            {
                return result;
            }

            problems.Add($"{path}:Simulations: the scenario is enabled but has no load simulation; add one (for example {{ \"Kind\": \"KeepConstant\", \"Copies\": 5, \"During\": \"00:01:00\" }}) or use --vus/--rate.");
            return result;
        }

        for (var i = 0; i < scenario.Simulations.Count; i++)
        {
            var stage = scenario.Simulations[i];
            var stagePath = $"{path}:Simulations:{i}";
            var simulation = ToSimulation(stage, stagePath, problems);
            if (simulation is not null)
            {
                result.Add(simulation);
            }
        }

        return result;
    }

    private static LoadSimulation? ToSimulation(SimulationOptions s, string path, List<string> problems)
    {
        var before = problems.Count;
        void Need(bool ok, string key, string what)
        {
            if (!ok)
            {
                problems.Add($"{path}:{key}: {s.Kind} needs {what}.");
            }
        }

        switch (s.Kind.ToLowerInvariant())
        {
            case "keepconstant":
            case "rampingconstant":
                Need(s.Copies >= (s.Kind.Equals("KeepConstant", StringComparison.OrdinalIgnoreCase) ? 1 : 0), "Copies", "Copies (virtual users)");
                Need(s.During > TimeSpan.Zero, "During", "During > 0 (hh:mm:ss)");
                break;
            case "iterationsforconstant":
                Need(s.Copies >= 1, "Copies", "Copies >= 1");
                Need(s.Iterations >= 1, "Iterations", "Iterations >= 1");
                break;
            case "inject":
            case "rampinginject":
                Need(s.Rate >= (s.Kind.Equals("Inject", StringComparison.OrdinalIgnoreCase) ? 1 : 0), "Rate", "a Rate per Interval");
                Need(s.During > TimeSpan.Zero, "During", "During > 0 (hh:mm:ss)");
                break;
            case "injectrandom":
                Need(s.MaxRate >= 1 && s.MinRate <= s.MaxRate, "MaxRate", "MinRate <= MaxRate and MaxRate >= 1");
                Need(s.During > TimeSpan.Zero, "During", "During > 0 (hh:mm:ss)");
                break;
            case "iterationsforinject":
                Need(s.Rate >= 1, "Rate", "Rate >= 1");
                Need(s.Iterations >= 1, "Iterations", "Iterations >= 1");
                break;
            case "pause":
                Need(s.During > TimeSpan.Zero, "During", "During > 0 (hh:mm:ss)");
                break;
            default:
                problems.Add($"{path}:Kind: '{s.Kind}' is not a load simulation; use one of {string.Join(", ", Kinds)}.");
                return null;
        }

        if (problems.Count != before)
        {
            return null;
        }

        return s.Kind.ToLowerInvariant() switch
        {
            "keepconstant" => Simulation.KeepConstant(s.Copies, s.During),
            "rampingconstant" => Simulation.RampingConstant(s.Copies, s.During),
            "iterationsforconstant" => Simulation.IterationsForConstant(s.Copies, s.Iterations),
            "inject" => Simulation.Inject(s.Rate, s.Interval, s.During),
            "rampinginject" => Simulation.RampingInject(s.Rate, s.Interval, s.During),
            "injectrandom" => Simulation.InjectRandom(s.MinRate, s.MaxRate, s.Interval, s.During),
            "iterationsforinject" => Simulation.IterationsForInject(s.Rate, s.Interval, s.Iterations),
            _ => Simulation.Pause(s.During),
        };
    }

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
