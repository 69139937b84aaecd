using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting.Writing;

/// <summary>
/// A capacity search's result in words, for every human-facing report (summary.txt, summary.md, report.html's
/// headline): the sustainable rate, the breaking rate and what broke first, the limit, and one row per step.
/// </summary>
internal static class CapacityText
{
    /// <summary>The step table's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["offered/s", "achieved/s", "p50 ms", "p95 ms", "p99 ms", "failed", "dropped", "CPU cores", "verdict"];

    /// <summary>"200/s sustained; breaks at 210/s (p(95) &lt; 100 first); limited by the target" in one line.</summary>
    public static string Headline(CapacityResult capacity) => capacity.End switch
    {
        CapacityEnd.Generator => $"generator-limited at {FirstGeneratorLimited(capacity)}/s: the generator, not the target, set the pace, so no capacity is named"
            + (capacity.SustainableRate is { } rate ? $" (the target held {rate}/s before that)" : string.Empty),
        _ when capacity.SustainableRate is null => capacity.BreakingRate is { } breaking
            ? $"no capacity found: the first step ({breaking}/s) already broke {capacity.BrokenBy}; lower Capacity:StartRate"
            : "no step was judged (the search ended before its first step did)",
        _ => $"{capacity.SustainableRate}/s sustained"
            + (capacity.BreakingRate is { } breaks ? $"; breaks at {breaks}/s ({capacity.BrokenBy} first)" : "; nothing broke")
            + $"; limited by {Limit(capacity)}",
    };

    /// <summary>Label and value lines under the headline.</summary>
    public static List<KeyValuePair<string, string>> Lines(CapacityResult capacity)
    {
        var lines = new List<KeyValuePair<string, string>>();
        if (capacity.SustainableStep is { } sustained)
        {
            lines.Add(new("sustainable rate", $"{sustained.Rate}/s offered, {Figures.Rate(sustained.AchievedRate)}/s achieved; p50 {Ms(sustained.P50)} p95 {Ms(sustained.P95)} p99 {Ms(sustained.P99)} ms; failed {Figures.Percent(sustained.FailRate)}"));
        }
        else
        {
            lines.Add(new("sustainable rate", "none"));
        }

        lines.Add(new("breaking rate", capacity.BreakingRate is { } breaking
            ? $"{breaking}/s: {capacity.BrokenBy} broke first ({capacity.BrokenByMessage})"
            : "none within the search's bounds"));
        lines.Add(new("limited by", Limit(capacity)));
        var repeats = capacity.Steps.Count(s => s.Confirmation);
        lines.Add(new("search", $"{capacity.Steps.Count} steps in {Figures.Duration(capacity.Duration)}"
            + (repeats > 0 ? $" ({repeats} repeating a failed step to confirm it)" : string.Empty) + $"; ended: {Ended(capacity.End)}"));
        return lines;
    }

    /// <summary>One row of cells per step, in the order offered.</summary>
    public static IEnumerable<string[]> Rows(CapacityResult capacity)
    {
        foreach (var step in capacity.Steps)
        {
            yield return
            [
                Figures.Count(step.Rate),
                Figures.Rate(step.AchievedRate),
                Ms(step.P50),
                Ms(step.P95),
                Ms(step.P99),
                Figures.Percent(step.FailRate),
                Figures.Count(step.Dropped),
                step.CpuCores.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                (step.Confirmation ? "repeat: " : string.Empty)
                    + (step.GeneratorLimited ? "generator-limited" : step.Passed ? "passed" : "failed: " + string.Join("; ", step.Verdicts.Where(v => !v.Passed).Select(v => v.Expression))),
            ];
        }
    }

    private static string Limit(CapacityResult capacity) => capacity.LimitedBy switch
    {
        "generator" => "the generator (arrivals dropped or its CPU near its cores): run it on a bigger machine or more of them",
        "target" => "the target",
        _ => capacity.End == CapacityEnd.MaxRate ? "Capacity:MaxRate (every step passed)" : "the search's time (Capacity:MaxDuration) before anything broke",
    };

    private static string Ended(CapacityEnd end) => end switch
    {
        CapacityEnd.Resolution => "the passing and failing rates came within Capacity:Resolution",
        CapacityEnd.MaxRate => "every rate up to Capacity:MaxRate passed",
        CapacityEnd.MaxDuration => "the next step would have crossed Capacity:MaxDuration (a partial result)",
        CapacityEnd.Generator => "a step was generator-limited",
        _ => "stopped (a partial result)",
    };

    private static int FirstGeneratorLimited(CapacityResult capacity) => capacity.Steps.FirstOrDefault(s => s.GeneratorLimited)?.Rate ?? 0;

    private static string Ms(double? value) => value is { } v ? Figures.Ms(v) : "-";
}
