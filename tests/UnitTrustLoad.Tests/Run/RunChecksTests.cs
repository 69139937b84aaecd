using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Run;

namespace UnitTrustLoad.Tests.Run;

/// <summary>The suite hands the reports its checks in its own words; the counters stay the ledger's.</summary>
public sealed class RunChecksTests
{
    [Fact]
    public void The_ledger_check_is_read_from_the_ledger_counters()
    {
        var checks = RunChecks.From(Result(new() { [LedgerCheck.CheckedCounter] = 120, [LedgerCheck.ViolationsCounter] = 3 }));

        checks.ShouldBe([new CheckSummary("consistency", 120, 3, "120 balances checked against the ledger, 3 mismatches")]);
        checks[0].Held.ShouldBeFalse();
    }

    [Fact]
    public void A_run_that_fetched_no_balance_says_so_rather_than_passing()
    {
        var check = RunChecks.From(Result([])).ShouldHaveSingleItem();

        check.Verdict.ShouldBe("not judged: no balance was compared with the ledger");
        check.Held.ShouldBeFalse();
    }

    [Fact]
    public void The_reconciliation_joins_only_when_it_ran()
    {
        var checks = RunChecks.From(Result(new()
        {
            [LedgerCheck.CheckedCounter] = 10,
            [LedgerCheck.ViolationsCounter] = 0,
            [Reconciliation.CheckedCounter] = 4,
            [Reconciliation.ViolationsCounter] = 1,
        }));

        checks.Count.ShouldBe(2);
        checks[1].ShouldBe(new CheckSummary("reconciliation", 4, 1, "4 balances re-fetched after the run and compared with the ledger, 1 mismatch"));
    }

    [Fact]
    public void A_run_that_fetched_no_balance_by_design_shows_no_ledger_check()
    {
        var run = Result([]) with { Thresholds = [] };

        RunChecks.From(run).ShouldBeEmpty();
    }

    private static RunResult Result(Dictionary<string, long> counters) =>
        new("t", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), false, null, [],
            [new(LedgerCheck.BuiltInThreshold, "run", true, 0, null, false)], counters, [], []);
}
