using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>Finds every problem of a definition before any load, so the user fixes them in one go.</summary>
internal static class DefinitionValidator
{
    /// <summary>Returns the parsed thresholds, or throws <see cref="LoadTestDefinitionException"/> listing all problems.</summary>
    public static IReadOnlyList<ThresholdExpression> Validate(LoadTest test)
    {
        var problems = new List<string>();
        if (test.Scenarios.Count == 0)
        {
            problems.Add("no scenarios: add at least one with WithScenarios(Scenario.Create(...))");
        }

        if (test.ReportingInterval <= TimeSpan.Zero)
        {
            problems.Add($"ReportingInterval must be positive (was {test.ReportingInterval})");
        }

        if (test.StopGracePeriod < TimeSpan.Zero)
        {
            problems.Add($"StopGracePeriod must not be negative (was {test.StopGracePeriod})");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in test.Scenarios)
        {
            if (scenario is null)
            {
                problems.Add("a scenario is null");
                continue;
            }

            if (!names.Add(scenario.Name))
            {
                problems.Add($"scenario name '{scenario.Name}' is used more than once; scenario names must be unique");
            }

            CheckScenario(scenario, problems);
        }

        var parsed = new List<ThresholdExpression>(test.Thresholds.Count);
        foreach (var threshold in test.Thresholds)
        {
            var expression = ThresholdParser.TryParse(threshold.Expression, out string? error);
            if (expression is null)
            {
                problems.Add($"threshold \"{threshold.Expression}\" ({threshold.Scope}): {error}");
            }
            else
            {
                parsed.Add(expression);
            }

            if (threshold.Scenario is not null && !names.Contains(threshold.Scenario))
            {
                problems.Add($"threshold \"{threshold.Expression}\" names scenario '{threshold.Scenario}', which is not defined (defined: {string.Join(", ", names)})");
            }

            if (threshold.Step is not null && threshold.Scenario is null)
            {
                problems.Add($"threshold \"{threshold.Expression}\" names step '{threshold.Step}' without a scenario; set Scenario too");
            }

            if (threshold.AbortGracePeriod < TimeSpan.Zero)
            {
                problems.Add($"threshold \"{threshold.Expression}\": AbortGracePeriod must not be negative");
            }
        }

        if (problems.Count > 0)
        {
            throw new LoadTestDefinitionException(problems);
        }

        return parsed;
    }

    private static void CheckScenario(ScenarioProps scenario, List<string> problems)
    {
        string where = $"scenario '{scenario.Name}'";
        if (scenario.LoadSimulations.Count == 0)
        {
            problems.Add($"{where} has no load simulation; add one with WithLoadSimulations(Simulation.Inject(...))");
        }

        if (scenario.WarmUpDuration < TimeSpan.Zero)
        {
            problems.Add($"{where}: WarmUpDuration must not be negative");
        }

        if (scenario.MaxConcurrency < 0)
        {
            problems.Add($"{where}: MaxConcurrency must be 0 (engine default) or positive");
        }

        for (int i = 0; i < scenario.LoadSimulations.Count; i++)
        {
            var simulation = scenario.LoadSimulations[i];
            string at = $"{where}, load simulation {i + 1} ({simulation?.Describe() ?? "null"})";
            switch (simulation)
            {
                case null:
                    problems.Add($"{at}: is null");
                    break;
                case KeepConstant k:
                    Positive(k.Copies, "copies", at, problems);
                    Positive(k.During, "during", at, problems);
                    break;
                case RampingConstant r:
                    NotNegative(r.Copies, "copies", at, problems);
                    Positive(r.During, "during", at, problems);
                    break;
                case IterationsForConstant c:
                    Positive(c.Copies, "copies", at, problems);
                    Positive(c.Iterations, "iterations", at, problems);
                    break;
                case Inject j:
                    Positive(j.Rate, "rate", at, problems);
                    Positive(j.Interval, "interval", at, problems);
                    Positive(j.During, "during", at, problems);
                    break;
                case RampingInject r:
                    NotNegative(r.Rate, "rate", at, problems);
                    Positive(r.Interval, "interval", at, problems);
                    Positive(r.During, "during", at, problems);
                    break;
                case InjectRandom r:
                    NotNegative(r.MinRate, "minRate", at, problems);
                    Positive(r.MaxRate, "maxRate", at, problems);
                    if (r.MinRate > r.MaxRate)
                    {
                        problems.Add($"{at}: minRate {r.MinRate} is above maxRate {r.MaxRate}; swap them");
                    }

                    Positive(r.Interval, "interval", at, problems);
                    Positive(r.During, "during", at, problems);
                    break;
                case IterationsForInject f:
                    Positive(f.Rate, "rate", at, problems);
                    Positive(f.Interval, "interval", at, problems);
                    Positive(f.Iterations, "iterations", at, problems);
                    break;
                case Pause p:
                    Positive(p.During, "during", at, problems);
                    break;
                default:
                    problems.Add($"{at}: unknown load simulation; create it with Simulation.*");
                    break;
            }
        }
    }

    private static void Positive(long value, string name, string at, List<string> problems)
    {
        if (value <= 0)
        {
            problems.Add($"{at}: {name} must be positive (was {value})");
        }
    }

    private static void NotNegative(long value, string name, string at, List<string> problems)
    {
        if (value < 0)
        {
            problems.Add($"{at}: {name} must not be negative (was {value})");
        }
    }

    private static void Positive(TimeSpan value, string name, string at, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{at}: {name} must be a positive time (was {value})");
        }
    }
}
