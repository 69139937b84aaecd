using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Ledger;

/// <summary>
/// After the load: re-fetches the balances of a random sample of investors and compares them with the ledger once
/// more, catching trades applied late or twice. Its verdict joins the run's thresholds as reconciliation_violations == 0.
/// </summary>
internal static class Reconciliation
{
    public const string CheckedCounter = "reconciliation_checked";
    public const string ViolationsCounter = "reconciliation_violations";
    public const string Expression = "reconciliation_violations == 0";

    /// <summary>True when the run was reconciled (the counters exist only then).</summary>
    public static bool Ran(RunResult result) => result.Counters.ContainsKey(CheckedCounter);

    /// <summary>The check's line in the reports.</summary>
    public static string Describe(long compared, long violations) =>
        $"{compared} balances re-fetched after the run and compared with the ledger, {violations} {(violations == 1 ? "mismatch" : "mismatches")}";

    public static async Task<RunResult> RunAsync(RunResult result, LedgerCheck ledger, UnitTrustClient client, CancellationToken cancellationToken)
    {
        var sample = ledger.Sample();
        if (!ledger.Enabled || sample.Count == 0)
        {
            return result;
        }

        long compared = 0;
        long violations = 0;
        foreach (var investor in sample)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var balance = await client.FetchBalanceAsync(new BalanceRequest(investor.ClientIdentifier), null, cancellationToken);
            if (!balance.IsOk)
            {
                continue;
            }

            var (c, v) = ledger.Compare(investor, balance.Value!, "reconcile");
            compared += c;
            violations += v;
        }

        var counters = new Dictionary<string, long>(result.Counters, StringComparer.Ordinal)
        {
            [CheckedCounter] = compared,
            [ViolationsCounter] = violations,
        };
        var thresholds = new List<ThresholdResult>(result.Thresholds)
        {
            new(Expression, "run", violations == 0, violations,
                violations == 0 ? null : $"{violations} of {compared} re-fetched balances disagreed with the ledger after the run; see consistency.csv", false),
        };
        return result with { Counters = counters, Thresholds = thresholds };
    }
}
