using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Run;

/// <summary>The run's exit code from its result, and the words for it.</summary>
internal static class RunVerdict
{
    /// <summary>
    /// Interrupted (Ctrl+C, SIGTERM, a stop) is 130 unless a threshold aborted the run; else passed, or failed when a
    /// threshold failed or (<paramref name="regressed"/>) a regression against the baseline fails the run.
    /// A capacity search passes when it named a sustainable rate the target, not the generator, set.
    /// </summary>
    public static int ExitCode(RunResult result, bool interrupted, bool regressed = false)
        => interrupted || (result.Interrupted && !AbortedByThreshold(result)) ? ExitCodes.Interrupted
            : result.ThresholdsPassed && !regressed && CapacityNamed(result) ? ExitCodes.Passed : ExitCodes.ThresholdFailed;

    /// <summary>True unless a capacity search ran and could not name a capacity (generator-limited, or no step passed).</summary>
    private static bool CapacityNamed(RunResult result)
        => result.Capacity is not { } capacity || capacity.NamedCapacity;

    public static string Describe(int exitCode) => exitCode switch
    {
        ExitCodes.Passed => "all thresholds passed",
        ExitCodes.ThresholdFailed => "a threshold failed, a regression against the baseline with Report:FailOnRegression, or a capacity search that could not name a capacity",
        ExitCodes.Interrupted => "interrupted",
        _ => "see above",
    };

    private static bool AbortedByThreshold(RunResult result)
    {
        foreach (var threshold in result.Thresholds)
        {
            if (threshold.AbortedRun)
            {
                return true;
            }
        }

        return false;
    }
}
