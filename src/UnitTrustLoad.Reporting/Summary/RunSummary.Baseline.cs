using System.Globalization;

namespace UnitTrustLoad.Reporting;

/// <summary>The summary read back as a baseline: values by scope and metric for relative thresholds and deltas.</summary>
public sealed partial record RunSummary
{
    /// <summary>
    /// A lookup (scope, metric) → value for relative thresholds. Scope is "run", a scenario name or "scenario.step";
    /// metric is "p(50)", "p(75)", "p(95)", "p(99)", "p(99.9)", "mean", "min", "max", "rps", "fail_rate",
    /// "count", "count(ok)", "count(fail)", "dropped", or (at run scope) a custom counter name. Null when unknown.
    /// </summary>
    public Func<string, string, double?> ToBaselineLookup() => Lookup;

    /// <summary>The step (or a scenario's iterations) that a scope names, or null.</summary>
    public StepSummary? FindStep(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var scenario in Scenarios)
        {
            if (string.Equals(scenario.Name, scope, StringComparison.Ordinal))
            {
                return scenario.Iterations;
            }

            if (scope.Length > scenario.Name.Length + 1
                && scope.StartsWith(scenario.Name, StringComparison.Ordinal)
                && scope[scenario.Name.Length] == '.')
            {
                var stepName = scope[(scenario.Name.Length + 1)..];
                foreach (var step in scenario.Steps)
                {
                    if (string.Equals(step.Name, stepName, StringComparison.Ordinal))
                    {
                        return step;
                    }
                }
            }
        }

        return null;
    }

    private double? Lookup(string scope, string metric)
    {
        if (scope is null || metric is null)
        {
            return null;
        }

        var name = metric.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (string.Equals(scope, "run", StringComparison.Ordinal))
        {
            return RunValue(name);
        }

        if (name == "dropped" || name == "dropped_iterations")
        {
            foreach (var scenario in Scenarios)
            {
                if (string.Equals(scenario.Name, scope, StringComparison.Ordinal))
                {
                    return scenario.DroppedIterations;
                }
            }

            return null;
        }

        var step = FindStep(scope);
        return step is null ? null : StepValue(step, name);
    }

    private double? RunValue(string name)
    {
        if (Counters.TryGetValue(name, out var counter))
        {
            return counter;
        }

        // A single scenario's iterations are the run; several scenarios' percentiles cannot be combined exactly.
        if (Scenarios.Count == 1)
        {
            return name is "dropped" or "dropped_iterations"
                ? Scenarios[0].DroppedIterations
                : StepValue(Scenarios[0].Iterations, name);
        }

        double ok = 0, fail = 0, rps = 0, dropped = 0, max = 0;
        double min = double.MaxValue;
        foreach (var scenario in Scenarios)
        {
            ok += scenario.OkCount;
            fail += scenario.FailCount;
            rps += scenario.Iterations.Rps;
            dropped += scenario.DroppedIterations;
            max = Math.Max(max, scenario.Iterations.LatencyMs.Max);
            if (scenario.Iterations.Count > 0)
            {
                min = Math.Min(min, scenario.Iterations.LatencyMs.Min);
            }
        }

        return name switch
        {
            "rps" => rps,
            "count" => ok + fail,
            "count(ok)" => ok,
            "count(fail)" => fail,
            "fail_rate" => ok + fail == 0 ? 0 : fail / (ok + fail),
            "dropped" or "dropped_iterations" => dropped,
            "max" => max,
            "min" => min == double.MaxValue ? 0 : min,
            _ => null,
        };
    }

    private static double? StepValue(StepSummary step, string name)
    {
        var latency = step.LatencyMs;
        switch (name)
        {
            case "rps":
                return step.Rps;
            case "fail_rate":
                return step.FailRate;
            case "count":
                return step.Count;
            case "count(ok)":
                return step.OkCount;
            case "count(fail)":
                return step.FailCount;
            case "mean" or "avg":
                return latency.Mean;
            case "min":
                return latency.Min;
            case "max":
                return latency.Max;
            case "med":
                return latency.P50;
        }

        // "p(95)" as thresholds write it, or "p95" / "p99.9" as summaries name it.
        var digits = name.StartsWith("p(", StringComparison.Ordinal) && name.EndsWith(')') ? name.AsSpan(2, name.Length - 3)
            : name.StartsWith('p') ? name.AsSpan(1)
            : [];
        if (!digits.IsEmpty && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile))
        {
            return percentile switch
            {
                50 => latency.P50,
                75 => latency.P75,
                95 => latency.P95,
                99 => latency.P99,
                99.9 => latency.P999,
                100 => latency.Max,
                _ => null,
            };
        }

        return null;
    }
}
