using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Reporting;

namespace UnitTrustLoad.Run;

/// <summary>
/// The suite's correctness checks as the reports show them: the ledger's comparison of every fetched balance, and the
/// end-of-run reconciliation when it ran. The rules and counter names live in <c>Ledger/</c>; this only hands their
/// figures and words to the reporting library, which knows no check by name.
/// </summary>
internal static class RunChecks
{
    public const string Consistency = "consistency";
    public const string Reconciliation = "reconciliation";

    /// <summary>The ledger's check when the run judged balances (its built-in threshold ran), the reconciliation's when it ran.</summary>
    public static IReadOnlyList<CheckSummary> From(RunResult result)
    {
        var checks = new List<CheckSummary>(2);
        if (result.Thresholds.Any(t => t.Expression == LedgerCheck.BuiltInThreshold))
        {
            var (compared, violations) = LedgerCheck.Counted(result);
            checks.Add(new(Consistency, compared, violations, LedgerCheck.Describe(compared, violations)));
        }

        if (Ledger.Reconciliation.Ran(result))
        {
            var again = LedgerCheck.Count(result, Ledger.Reconciliation.CheckedCounter);
            var wrong = LedgerCheck.Count(result, Ledger.Reconciliation.ViolationsCounter);
            checks.Add(new(Reconciliation, again, wrong, Ledger.Reconciliation.Describe(again, wrong)));
        }

        return checks;
    }
}
