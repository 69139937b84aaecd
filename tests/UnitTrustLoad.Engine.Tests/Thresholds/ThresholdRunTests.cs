using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Thresholds;

public sealed class ThresholdRunTests
{
    [Fact]
    public async Task Thresholds_are_judged_per_run_scenario_and_step_with_counters()
    {
        var scenario = Scenario.Create("checkout", async ctx =>
        {
            await Step.Run("pay", ctx, static () => new ValueTask<Response>(Response.Ok()));
            if (ctx.InvocationNumber % 10 == 0)
            {
                ctx.AddCounter("consistency_violations");
                return Response.Fail("409");
            }

            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(2, 100));

        var result = await LoadTest.Create("t").WithScenarios(scenario).WithThresholds(
            new Threshold("count == 100"),
            new Threshold("count(fail) == 0", "checkout"),
            new Threshold("fail_rate <= 0.1", "checkout"),
            new Threshold("count(fail) == 0", "checkout", "pay"),
            new Threshold("consistency_violations == 0"),
            new Threshold("p(95) < 500", "checkout", "missing")).RunAsync();

        result.Thresholds.Select(t => (t.Scope, t.Passed)).ShouldBe(
        [
            ("run", true),
            ("checkout", false),
            ("checkout", true),
            ("checkout.pay", true),
            ("run", false),
            ("checkout.missing", false),
        ]);
        result.Thresholds[4].Actual.ShouldBe(10);
        result.Counters["consistency_violations"].ShouldBe(10);
        result.ThresholdsPassed.ShouldBeFalse();
    }

    [Fact]
    public async Task Baseline_thresholds_ask_the_test_baseline_by_scope_and_metric()
    {
        var scenario = Scenario.Create("quick", static ctx => new ValueTask<Response>(Response.Ok()))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 50));
        var asked = new List<(string Scope, string Metric)>();

        var result = await LoadTest.Create("t").WithScenarios(scenario)
            .WithBaseline((scope, metric) =>
            {
                asked.Add((scope, metric));
                return metric == "count" ? 40 : null;
            })
            .WithThresholds(new Threshold("count <= baseline * 1.10", "quick"), new Threshold("p(95) < baseline + 5", "quick"))
            .RunAsync();

        asked.ShouldBe([("quick", "count"), ("quick", "p(95)")]);
        result.Thresholds[0].Passed.ShouldBeFalse();
        result.Thresholds[0].Actual.ShouldBe(50);
        result.Thresholds[0].Message!.ShouldContain("required <= 44");
        result.Thresholds[1].Passed.ShouldBeFalse();
        result.Thresholds[1].Message!.ShouldContain("no baseline value for p(95) in 'quick'");
    }

    [Fact]
    public async Task A_malformed_threshold_is_rejected_before_any_load_with_its_position()
    {
        long iterations = 0;
        var scenario = Scenario.Create("s", ctx =>
        {
            Interlocked.Increment(ref iterations);
            return Task.FromResult(Response.Ok());
        }).WithLoadSimulations(Simulation.KeepConstant(1, TimeSpan.FromSeconds(1)));

        var ex = await Should.ThrowAsync<LoadTestDefinitionException>(
            () => LoadTest.Create("t").WithScenarios(scenario).WithThresholds(new Threshold("p(95) << 500", "s")).RunAsync());

        ex.Problems.Count.ShouldBe(1);
        ex.Problems[0].Message.ShouldContain("\"p(95) << 500\" (s)");
        ex.Problems[0].Message.ShouldContain("at position 8");
        Interlocked.Read(ref iterations).ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_abort_threshold_stops_the_run_after_its_grace_period()
    {
        var scenario = Scenario.Create("failing", static async ctx =>
        {
            await Task.Delay(5, CancellationToken.None);
            return Response.Fail("500");
        }).WithLoadSimulations(Simulation.KeepConstant(2, TimeSpan.FromSeconds(30)));
        var started = DateTimeOffset.UtcNow;

        var result = await LoadTest.Create("abort")
            .WithScenarios(scenario)
            .WithReportingInterval(TimeSpan.FromMilliseconds(200))
            .WithThresholds(
                new Threshold("count > 0", "failing"),
                new Threshold("fail_rate < 0.1", "failing", AbortOnFail: true, AbortGracePeriod: TimeSpan.FromMilliseconds(500)))
            .RunAsync();

        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Interrupted.ShouldBeTrue();
        result.InterruptReason!.ShouldContain("fail_rate < 0.1");
        result.Thresholds[1].AbortedRun.ShouldBeTrue();
        result.Thresholds[1].Passed.ShouldBeFalse();
        result.Thresholds[0].AbortedRun.ShouldBeFalse();
        result.Intervals.Count.ShouldBeGreaterThanOrEqualTo(3);
        result.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500));
    }
}
