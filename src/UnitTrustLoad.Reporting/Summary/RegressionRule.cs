using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>
/// What counts as worse than run-to-run noise against a baseline, per step (or per scenario without steps): its p95
/// up by more than <see cref="P95RelativeIncrease"/> and by more than <see cref="P95AbsoluteIncreaseMs"/> at once, or
/// its fail rate up by more than <see cref="FailRatePointIncrease"/>. Steps the baseline does not have, or that ran
/// no call in either run, are not judged.
/// </summary>
public static class RegressionRule
{
    /// <summary>The p95 must grow by more than this share (20 %)...</summary>
    public const double P95RelativeIncrease = 0.20;

    /// <summary>...and by more than this many milliseconds (5 ms), so a 1-ms step going to 2 ms is not a regression.</summary>
    public const double P95AbsoluteIncreaseMs = 5;

    /// <summary>The fail rate must grow by more than this share of calls (0.01: one percentage point).</summary>
    public const double FailRatePointIncrease = 0.01;

    /// <summary>The rule in words, as the reports and the documentation state it.</summary>
    public const string Noise = "p95 up by more than 20% and more than 5 ms, or fail rate up by more than 1 percentage point";

    /// <summary>Every regression of <paramref name="result"/> against <paramref name="baseline"/>, in scenario and step order.</summary>
    public static IReadOnlyList<Regression> Find(RunResult result, RunSummary? baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = new List<Regression>();
        if (baseline is null)
        {
            return found;
        }

        foreach (var scenario in result.Scenarios)
        {
            if (scenario.Steps.Count == 0)
            {
                Judge(scenario.Name, scenario.Total, baseline.FindStep(scenario.Name), found);
                continue;
            }

            foreach (var step in scenario.Steps)
            {
                var scope = $"{scenario.Name}.{step.Name}";
                Judge(scope, step, baseline.FindStep(scope), found);
            }
        }

        return found;
    }

    private static void Judge(string scope, StepResult now, StepSummary? before, List<Regression> found)
    {
        if (before is null || before.Count == 0 || now.Count == 0)
        {
            return;
        }

        double p95 = now.Latency.P95Ms, p95Before = before.LatencyMs.P95;
        double growth = p95 - p95Before;
        if (growth > P95AbsoluteIncreaseMs && (p95Before <= 0 || growth / p95Before > P95RelativeIncrease))
        {
            found.Add(new Regression(
                scope,
                "p95",
                p95Before,
                p95,
                $"{scope}: p95 {Figures.Ms(p95Before)} ms → {Figures.Ms(p95)} ms ({Figures.Change(p95, p95Before)}, +{Figures.Ms(growth)} ms)"));
        }

        if (now.FailRate - before.FailRate > FailRatePointIncrease)
        {
            found.Add(new Regression(
                scope,
                "fail_rate",
                before.FailRate,
                now.FailRate,
                $"{scope}: fail rate {Figures.Percent(before.FailRate)} → {Figures.Percent(now.FailRate)} ({Figures.PointChange(now.FailRate, before.FailRate)})"));
        }
    }
}
