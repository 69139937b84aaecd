namespace UnitTrustLoad.Reporting.Writing;

/// <summary>The one-line verdict every report opens with.</summary>
internal static class Verdict
{
    /// <summary>True when every threshold held, the run was not interrupted and, when they fail it, nothing regressed.</summary>
    public static bool Passed(ReportContext context) =>
        context.Result.ThresholdsPassed && !context.Result.Interrupted && !(context.FailOnRegression && context.Regressions.Count > 0)
        && context.Result.Capacity is not { NamedCapacity: false };

    /// <summary>"PASSED", or "FAILED: ..." naming the failed thresholds and the interruption.</summary>
    public static string Describe(ReportContext context)
    {
        var reasons = Reasons(context);
        return reasons.Length == 0 ? "PASSED" : "FAILED: " + reasons;
    }

    /// <summary>Why the run failed ("1 threshold failed; interrupted (Ctrl+C)"), or empty when it passed.</summary>
    public static string Reasons(ReportContext context)
    {
        var result = context.Result;
        var failed = 0;
        foreach (var threshold in result.Thresholds)
        {
            if (!threshold.Passed)
            {
                failed++;
            }
        }

        var reasons = new List<string>(2);
        if (failed > 0)
        {
            reasons.Add(failed == 1 ? "1 threshold failed" : $"{failed} thresholds failed");
        }

        if (context.FailOnRegression && context.Regressions is { Count: > 0 } regressions)
        {
            var shown = new List<string>(3);
            for (var i = 0; i < regressions.Count && i < 3; i++)
            {
                shown.Add(regressions[i].Description);
            }

            var more = regressions.Count > 3 ? $"; and {regressions.Count - 3} more" : string.Empty;
            reasons.Add($"{(regressions.Count == 1 ? "1 regression" : $"{regressions.Count} regressions")} against the baseline ({string.Join("; ", shown)}{more})");
        }

        if (result.Capacity is { NamedCapacity: false } capacity)
        {
            reasons.Add(capacity.End == Engine.Model.CapacityEnd.Generator
                ? "the capacity search was generator-limited and names no capacity"
                : "no step of the capacity search passed its service levels");
        }

        if (result.Interrupted)
        {
            reasons.Add(result.InterruptReason is { Length: > 0 } why ? $"interrupted ({why})" : "interrupted");
        }

        if (reasons.Count == 0 && context.ExitCode != 0)
        {
            reasons.Add($"exit code {context.ExitCode}");
        }

        return string.Join("; ", reasons);
    }

}
