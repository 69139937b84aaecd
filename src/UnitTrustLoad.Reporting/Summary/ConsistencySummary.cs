using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>How many balances were compared against the suite's ledger, and how many disagreed.</summary>
public sealed record ConsistencySummary(long Checked, long Violations)
{
    /// <summary>The counter holding the number of balances compared.</summary>
    public const string CheckedCounter = "consistency_checked";

    /// <summary>The counter holding the number of mismatches.</summary>
    public const string ViolationsCounter = "consistency_violations";

    /// <summary>True when at least one balance was compared and none disagreed.</summary>
    public bool Held => Checked > 0 && Violations == 0;

    /// <summary>Reads the consistency counters of a run (0 when absent).</summary>
    public static ConsistencySummary From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.Counters.TryGetValue(CheckedCounter, out var checkedCount) ? checkedCount : 0,
            result.Counters.TryGetValue(ViolationsCounter, out var violations) ? violations : 0);
    }
}
