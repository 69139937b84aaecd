using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Run;

/// <summary>The run's exit code from its result, and the words for it.</summary>
internal static class RunVerdict
{
    /// <summary>
    /// Interrupted (Ctrl+C, SIGTERM, a stop) is 130 unless a threshold aborted the run; else passed, or failed when a
    /// threshold failed or (<paramref name="regressed"/>) a regression against the baseline fails the run.
    /// </summary>
    public static int ExitCode(RunResult result, bool interrupted, bool regressed = false)
        => interrupted || (result.Interrupted && !AbortedByThreshold(result)) ? ExitCodes.Interrupted
            : result.ThresholdsPassed && !regressed ? ExitCodes.Passed : ExitCodes.ThresholdFailed;

    public static string Describe(int exitCode) => exitCode switch
    {
        ExitCodes.Passed => "all thresholds passed",
        ExitCodes.ThresholdFailed => "a threshold failed, or a regression against the baseline with Report:FailOnRegression",
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
