using UnitTrustLoad.Configuration;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>The generator's own shortage is never billed to the target (issue 13.5).</summary>
[Collection(AppRunsSerially.Name)]
public sealed class GeneratorShortageTests
{
    [Fact]
    public async Task More_closed_model_users_than_pool_investors_is_refused_before_any_traffic()
    {
        using var run = await AppRun.StartAsync(["--scenario", "purchase", "--vus", "51"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Load:PoolSize: 50 investors for 51 closed-model users at once (purchase 51)");
        run.Stderr.ShouldContain("Fix: raise Load:PoolSize to at least 51");
        run.Stdout.ShouldNotContain("Target:");
    }

    [Fact]
    public async Task Arrivals_that_find_every_pool_investor_leased_are_dropped_with_a_warning_not_failed()
    {
        // Two investors, each held 50 ms per balance: about 40 iterations a second can run, 300 arrive.
        using var run = await AppRun.StartAsync(
            ["--scenario", "balance", "--rate", "300", "--duration", "00:00:03", "--Load:PoolSize=2",
             "--Simulator:Faults:FetchBalance:LatencyMs=50"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var balance = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Balance);
        balance.FailCount.ShouldBe(0);
        balance.OkCount.ShouldBeGreaterThan(20);
        balance.DroppedIterations.ShouldBeGreaterThan(300);
        (balance.OkCount + balance.DroppedIterations).ShouldBeInRange(880, 905, "every arrival either ran or was dropped");
        // The engine may drop a few late arrivals of its own; the pool's shortage is most of the drops.
        run.Summary.Counters[PoolShortage.Counter].ShouldBeInRange(300, balance.DroppedIterations);
        run.Stderr.ShouldContain("were dropped (not failed): every pool investor was in use. Raise Load:PoolSize (now 2)");
    }
}
