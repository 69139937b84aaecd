using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// The engine definition the options describe: each enabled scenario with its load shape, warm-up and cap, and the
/// thresholds that apply to what runs. Scenarios/ScenarioCatalog builds the real scenarios through
/// <see cref="Scenario"/>; <see cref="DefinitionValidation"/> has the engine check the same shape before anything starts.
/// </summary>
internal static class LoadDefinition
{
    /// <summary>The scenario <paramref name="name"/> as the engine runs it, iterating <paramref name="run"/>.</summary>
    public static ScenarioProps Scenario(string name, ScenarioOptions options, LoadOptions load, Func<IScenarioContext, ValueTask<Response>> run)
    {
        var scenario = Engine.Scenarios.Scenario.Create(name, run)
            .WithLoadSimulations([.. SimulationMapper.For(options, load.ForScenario(name))])
            .WithWarmUpDuration(options.WarmUp);
        return options.MaxConcurrency > 0 ? scenario.WithMaxConcurrency(options.MaxConcurrency) : scenario;
    }

    /// <summary>
    /// The capacity search the options ask for (null when Capacity:Enabled is off), on the one enabled scenario (the
    /// configuration refuses more than one). The CPU rule is off against the embedded simulator unless set: its CPU is
    /// this process's, so a busy simulator would read as a busy generator.
    /// </summary>
    public static CapacitySearch? Capacity(SuiteOptions options)
    {
        var capacity = options.Capacity;
        if (!capacity.Enabled)
        {
            return null;
        }

        var scenario = ScenarioNames.Journey;
        foreach (var name in ScenarioNames.All)
        {
            if (options.Load.Scenarios.TryGetValue(name, out var s) && s.Enabled)
            {
                scenario = name;
                break;
            }
        }

        return new CapacitySearch(scenario)
        {
            StartRate = capacity.StartRate,
            Factor = capacity.Factor,
            Step = capacity.Step,
            StepDuration = capacity.StepDuration,
            Settle = capacity.Settle,
            Resolution = capacity.Resolution,
            MaxRate = capacity.MaxRate,
            MaxDuration = capacity.MaxDuration,
            Slo = capacity.Slo.Count == 0 ? CapacitySearch.DefaultSlo : [.. capacity.Slo],
            DropTolerance = capacity.DropTolerance,
            ConfirmFailures = capacity.ConfirmFailures,
            GeneratorCpuShare = capacity.GeneratorCpuShare ?? (options.UsesEmbeddedSimulator ? 0 : 0.9),
        };
    }

    /// <summary>
    /// The definition to validate, without any service behind its scenarios (they never run), and for each of its
    /// thresholds the index in <see cref="SuiteOptions.Thresholds"/> it came from.
    /// </summary>
    public static (LoadTest Test, List<int> ThresholdIndexes) ForValidation(SuiteOptions options)
    {
        var load = options.Load;
        var scenarios = new List<ScenarioProps>();
        var running = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ScenarioNames.All)
        {
            if (load.Scenarios.TryGetValue(name, out var scenario) && scenario.Enabled)
            {
                scenarios.Add(Scenario(name, scenario, load, NeverRuns));
                running.Add(name);
            }
        }

        var thresholds = new List<Threshold>();
        var indexes = new List<int>();
        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            var t = options.Thresholds[i];
            var scenario = string.IsNullOrWhiteSpace(t.Scenario) ? null : t.Scenario.ToLowerInvariant();
            if (scenario is not null && !running.Contains(scenario))
            {
                // Not running: the run skips it with a note, and an unknown name is the configuration's to report.
                continue;
            }

            thresholds.Add(t.ToThreshold(scenario));
            indexes.Add(i);
        }

        var test = LoadTest.Create(string.IsNullOrWhiteSpace(load.TestName) ? "validation" : load.TestName)
            .WithScenarios([.. scenarios])
            .WithThresholds([.. thresholds])
            .WithReportingInterval(load.ReportingInterval)
            .WithStopGracePeriod(load.StopGracePeriod);
        if (Capacity(options) is { } search)
        {
            test = test.WithCapacity(search);
        }

        return (test, indexes);
    }

    private static ValueTask<Response> NeverRuns(IScenarioContext context)
        => throw new InvalidOperationException("A definition built for validation never runs.");
}
