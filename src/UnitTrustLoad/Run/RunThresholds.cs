using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Thresholds;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Run;

/// <summary>The run's thresholds: the configured ones for running scenarios, plus the ledger's built-in one.</summary>
internal static class RunThresholds
{
    public static List<Threshold> For(SuiteOptions options, List<ScenarioProps> scenarios, TextWriter stdout)
    {
        var running = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in scenarios)
        {
            running.Add(scenario.Name);
        }

        var thresholds = new List<Threshold>();
        if (options.Capacity.Enabled && options.Thresholds.Count > 0)
        {
            // Judged over the whole search, every one would fail at the steps that broke the target on purpose.
            stdout.WriteLine($"Note: the {options.Thresholds.Count} configured threshold(s) are not judged in a capacity search: each step is judged against Capacity:Slo instead.");
        }

        foreach (var t in options.Capacity.Enabled ? [] : options.Thresholds)
        {
            var scenario = string.IsNullOrWhiteSpace(t.Scenario) ? null : t.Scenario.ToLowerInvariant();
            if (scenario is not null && !running.Contains(scenario))
            {
                // A threshold on a scenario that is not running has nothing to judge; say so instead of failing the run.
                stdout.WriteLine($"Note: threshold '{t.Expression}' on scenario '{scenario}' is skipped: that scenario is not running.");
                continue;
            }

            thresholds.Add(t.ToThreshold(scenario));
        }

        if (options.Ledger.Enabled && (running.Contains(ScenarioNames.Journey) || running.Contains(ScenarioNames.Balance)))
        {
            thresholds.Add(new Threshold(LedgerCheck.BuiltInThreshold));
        }

        return thresholds;
    }
}
