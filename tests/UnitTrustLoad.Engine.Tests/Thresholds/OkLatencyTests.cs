using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Thresholds;

/// <summary>Latency figures and thresholds judge successful calls; failed ones have their own (issue 13.3).</summary>
public sealed class OkLatencyTests
{
    [Fact]
    public async Task Instant_failures_do_not_make_the_latency_of_the_successful_calls_look_good()
    {
        // Nine of ten calls fail at once (a refused connect); the tenth takes 30 ms.
        var scenario = Scenario.Create("outage", async ctx =>
        {
            if (ctx.InvocationNumber % 10 != 0)
            {
                return Response.Fail("connection_error");
            }

            await Task.Delay(30);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(1, 50));

        var result = await LoadTest.Create("ok-latency").WithScenarios(scenario).WithThresholds(new Threshold("p(50) < 10")).RunAsync();

        var total = result.Scenarios[0].Total;
        total.OkCount.ShouldBe(5);
        total.FailCount.ShouldBe(45);
        total.Latency.MinMs.ShouldBeGreaterThanOrEqualTo(10, "the successful calls' figures hold only them");
        total.FailLatency.ShouldNotBeNull().MaxMs.ShouldBeLessThan(10, "the failed calls' figures sit beside them");
        var threshold = result.Thresholds.ShouldHaveSingleItem();
        threshold.Passed.ShouldBeFalse("before, p(50) of all calls was 0.00x ms and passed");
    }

    [Fact]
    public async Task A_latency_threshold_with_no_successful_call_fails_and_says_it_judged_nothing()
    {
        var scenario = Scenario.Create("down", _ => new ValueTask<Response>(Response.Fail("no_token")))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 20));

        var result = await LoadTest.Create("nothing-ok").WithScenarios(scenario).WithThresholds(new Threshold("p(95) < 2000")).RunAsync();

        var threshold = result.Thresholds.ShouldHaveSingleItem();
        threshold.Passed.ShouldBeFalse();
        threshold.Actual.ShouldBeNull();
        threshold.Message.ShouldNotBeNull().ShouldStartWith("not judged: 'run' had no successful call");
    }
}
