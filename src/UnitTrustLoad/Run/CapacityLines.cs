using System.Globalization;
using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Run;

/// <summary>The capacity search in the console's and the settings' words: what it will do, and each step as it is judged.</summary>
internal static class CapacityLines
{
    /// <summary>"capacity search: from 10/s, ×2 per step, ..." for the settings line of the searched scenario.</summary>
    public static string Describe(CapacitySearch search) =>
        Invariant($"capacity search (open model): from {search.StartRate}/s, {(search.Step > 0 ? Invariant($"+{search.Step}/s") : Invariant($"×{search.Factor:0.##}"))} per passing step, ")
        + Invariant($"steps of {Seconds(search.StepDuration)} judged after {Seconds(search.Settle)} of settling, bisected to within {search.Resolution:0.#%}; ")
        + Invariant($"service levels {string.Join(", ", search.Slo)}; at most {search.MaxRate}/s and {search.MaxDuration:c}")
        + (search.GeneratorCpuShare > 0
            ? Invariant($"; generator-limited above {search.DropTolerance:0.##%} of arrivals dropped or {search.GeneratorCpuShare:0%} of {Environment.ProcessorCount} cores")
            : Invariant($"; generator-limited above {search.DropTolerance:0.##%} of arrivals dropped (the CPU rule is off: the target shares this process)"));

    /// <summary>One judged step: "Capacity step 3: 320/s offered, 318.2/s achieved, p95 45.1 ms, ..., passed".</summary>
    public static string Step(int number, CapacityStep step)
    {
        var verdict = step.GeneratorLimited ? "GENERATOR-LIMITED"
            : step.Passed ? "passed"
            : "FAILED: " + string.Join("; ", step.Verdicts.Where(v => !v.Passed).Select(v => v.Message));
        return Invariant($"Capacity step {number}{(step.Confirmation ? " (repeating the last to confirm it)" : string.Empty)}: {step.Rate}/s offered, {step.AchievedRate:0.0}/s achieved, p50 {Ms(step.P50)}, p95 {Ms(step.P95)}, p99 {Ms(step.P99)}, ")
            + Invariant($"failed {step.FailRate:0.##%}, dropped {step.Dropped}, generator CPU {step.CpuCores:0.00} cores: {verdict}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} ms") : "-";

    private static string Seconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");
}
