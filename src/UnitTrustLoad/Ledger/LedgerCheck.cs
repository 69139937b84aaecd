using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Ledger;

/// <summary>
/// Compares each fetched balance with the units the suite bought minus sold for that investor; mismatches are counted
/// (consistency_violations, which a built-in threshold requires to be 0) and written to consistency.csv. Keeps a small
/// random sample of investors for the end-of-run reconciliation; nothing else is kept.
/// </summary>
internal sealed class LedgerCheck(bool enabled, int sampleSize, ConsistencyLog log)
{
    public const string CheckedCounter = "consistency_checked";
    public const string ViolationsCounter = "consistency_violations";

    /// <summary>Judged whenever balances are fetched: no balance may disagree with the ledger.</summary>
    public const string BuiltInThreshold = "consistency_violations == 0";

    /// <summary>How many balances a run compared and how many disagreed, read from its counters (0 when absent).</summary>
    public static (long Checked, long Violations) Counted(RunResult result) =>
        (Count(result, CheckedCounter), Count(result, ViolationsCounter));

    /// <summary>The check's line in the reports.</summary>
    public static string Describe(long compared, long violations) =>
        compared == 0 && violations == 0
            ? "not judged: no balance was compared with the ledger"
            : $"{compared} balances checked against the ledger, {violations} {(violations == 1 ? "mismatch" : "mismatches")}";

    /// <summary>
    /// The built-in threshold judged nothing when no balance was compared (every fetch failed, or every investor's
    /// outcome was unknown): it then fails as "not judged" instead of passing with 0 mismatches of 0.
    /// </summary>
    public static RunResult JudgeNothingCompared(RunResult result)
    {
        if (Count(result, CheckedCounter) > 0)
        {
            return result;
        }

        var thresholds = new List<ThresholdResult>(result.Thresholds.Count);
        var changed = false;
        foreach (var judged in result.Thresholds)
        {
            var threshold = judged;
            if (threshold.Expression == BuiltInThreshold && threshold.Passed)
            {
                threshold = threshold with
                {
                    Passed = false,
                    Message = "not judged: no balance was compared with the ledger (every fetch failed, or every investor's trade had an unknown outcome); a check with nothing to judge fails",
                };
                changed = true;
            }

            thresholds.Add(threshold);
        }

        return changed ? result with { Thresholds = thresholds } : result;
    }

    internal static long Count(RunResult result, string counter) =>
        result.Counters.TryGetValue(counter, out var value) ? value : 0;

    private readonly Lock _gate = new();
    private readonly List<Investor> _sample = new(sampleSize);
    private long _seen;

    public bool Enabled => enabled;

    /// <summary>Compares; returns (checked, violations) for the caller to add to its counters.</summary>
    public (int Checked, int Violations) Compare(Investor investor, BalanceResponse balance, string source)
    {
        var holdings = investor.Holdings;
        if (!enabled || holdings.Uncertain)
        {
            return (0, 0);
        }

        var compared = 0;
        var violations = 0;
        var count = holdings.Count;
        for (var i = 0; i < count; i++)
        {
            var (fund, expected) = holdings[i];
            var reported = ReportedUnits(balance, fund, out _);
            compared++;
            if (decimal.Round(reported, 4) != decimal.Round(expected, 4))
            {
                violations++;
                log.Write(source, investor.ClientIdentifier, fund, expected, reported);
            }
        }

        return (compared, violations);
    }

    /// <summary>Offers an investor to the reconciliation sample (reservoir sampling: every investor equally likely).</summary>
    public void Offer(Investor investor)
    {
        if (!enabled || sampleSize == 0)
        {
            return;
        }

        lock (_gate)
        {
            _seen++;
            if (_sample.Count < sampleSize)
            {
                _sample.Add(investor);
                return;
            }

            var slot = Random.Shared.NextInt64(_seen);
            if (slot < sampleSize)
            {
                _sample[(int)slot] = investor;
            }
        }
    }

    public IReadOnlyList<Investor> Sample()
    {
        lock (_gate)
        {
            return [.. _sample];
        }
    }

    /// <summary>Units (and market value) a balance shows for a fund; 0 when it shows none.</summary>
    public static decimal ReportedUnits(BalanceResponse balance, string fund, out decimal marketValue)
    {
        marketValue = 0m;
        if (balance.Funds is null)
        {
            return 0m;
        }

        foreach (var entry in balance.Funds)
        {
            if (string.Equals(entry.FundShareClassCode, fund, StringComparison.OrdinalIgnoreCase))
            {
                marketValue = entry.MarketValue;
                return entry.Units;
            }
        }

        return 0m;
    }
}
