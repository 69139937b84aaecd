using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

public sealed class BackoffRuleTests
{
    [Fact]
    public async Task A_user_whose_iterations_fail_fast_backs_off_instead_of_spinning()
    {
        var rule = new BackoffRule(r => r.StatusCode == "refused", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(200), "backoff_ms");
        var scenario = Scenario.Create("down", _ => new ValueTask<Response>(Response.Fail("refused")))
            .WithLoadSimulations(Simulation.KeepConstant(1, TimeSpan.FromSeconds(1)))
            .WithBackoff(rule);

        var result = await LoadTest.Create("backoff").WithScenarios(scenario).RunAsync();

        // 10, 20, 40, 80, 160, then 200 ms waits (±50 %): a handful of tries in a second, where it would spin millions.
        result.Scenarios[0].Total.FailCount.ShouldBeInRange(3, 30);
        result.Counters["backoff_ms"].ShouldBeGreaterThan(300);
        rule.WaitAfter(1).ShouldBe(TimeSpan.FromMilliseconds(10));
        rule.WaitAfter(3).ShouldBe(TimeSpan.FromMilliseconds(40));
        rule.WaitAfter(30).ShouldBe(TimeSpan.FromMilliseconds(200));
    }
}
