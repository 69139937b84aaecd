using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Ledger;

/// <summary>
/// After the load: re-fetches the balances of a random sample of investors and compares them with the ledger once
/// more, catching trades applied late or twice. Its verdict joins the run's thresholds as reconciliation_violations == 0.
/// It never ends the run in an error: its time budget running out or a Ctrl+C stops it where it is, and what it
/// re-fetched by then is judged. Having judged nothing, it says "not judged" and fails, as a check with nothing to
/// judge must not pass.
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
        compared == 0
            ? "not judged: no balance could be re-fetched after the run"
            : $"{compared} balances re-fetched after the run and compared with the ledger, {violations} {(violations == 1 ? "mismatch" : "mismatches")}";

    /// <summary>
    /// Re-fetches the sample within <paramref name="budget"/>; <paramref name="interrupt"/> (Ctrl+C) stops it at once.
    /// Returns the result with its counters and threshold, and whether it was interrupted.
    /// </summary>
    public static async Task<(RunResult Result, bool Interrupted)> RunAsync(
        RunResult result, LedgerCheck ledger, UnitTrustClient client, TimeSpan budget, CancellationToken interrupt)
    {
        var sample = ledger.Sample();
        if (!ledger.Enabled || sample.Count == 0)
        {
            return (result, false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        timeout.CancelAfter(budget);
        long compared = 0;
        long violations = 0;
        string? lastFailure = null;
        foreach (var investor in sample)
        {
            if (timeout.IsCancellationRequested)
            {
                break;
            }

            ApiResult<BalanceResponse> balance;
            try
            {
                balance = await client.FetchBalanceAsync(new BalanceRequest(investor.ClientIdentifier), null, timeout.Token).AsTask().WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                break;
            }

            if (!balance.IsOk)
            {
                lastFailure = balance.Status;
                continue;
            }

            var (c, v) = ledger.Compare(investor, balance.Value!, "reconcile");
            compared += c;
            violations += v;
        }

        var interrupted = interrupt.IsCancellationRequested;
        var cutShort = timeout.IsCancellationRequested;
        var counters = new Dictionary<string, long>(result.Counters, StringComparer.Ordinal)
        {
            [CheckedCounter] = compared,
            [ViolationsCounter] = violations,
        };
        var why = cutShort
            ? interrupted ? "interrupted (Ctrl+C)" : $"its {budget.TotalSeconds:0.#}-s budget (Ledger:ReconcileTimeout) ran out"
            : null;
        string? message;
        bool passed;
        if (compared == 0)
        {
            passed = false;
            message = $"not judged: none of the {sample.Count} sampled balances was re-fetched"
                + (why is not null ? $" before {why}" : lastFailure is not null ? $" (the API answered {lastFailure})" : string.Empty)
                + "; a check with nothing to judge fails";
        }
        else
        {
            passed = violations == 0;
            var note = why is not null ? $" ({compared} of {sample.Count} re-fetched before {why}; the rest not judged)" : string.Empty;
            message = violations == 0
                ? note.Length == 0 ? null : note.Trim(' ', '(', ')')
                : $"{violations} of {compared} re-fetched balances disagreed with the ledger after the run; see consistency.csv{note}";
        }

        var thresholds = new List<ThresholdResult>(result.Thresholds)
        {
            new(Expression, "run", passed, violations, message, false),
        };
        return (result with { Counters = counters, Thresholds = thresholds }, interrupted);
    }
}
