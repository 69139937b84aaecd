using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Scenarios;

public sealed class StepTests
{
    [Fact]
    public async Task Steps_are_reported_in_first_seen_order_beside_a_total_named_after_the_scenario()
    {
        var scenario = Scenario.Create("journey", async ctx =>
        {
            var token = await Step.Run("login", ctx, static () => new ValueTask<Response<string>>(Response.Ok<string>("token", bytesSent: 10, bytesReceived: 20)));
            await Step.Run("buy", ctx, async () =>
            {
                await Task.Delay(20, CancellationToken.None);
                return token.Payload == "token" ? Response.Ok("201") : Response.Fail("400");
            });
            if (ctx.InvocationNumber % 2 == 0)
            {
                await Step.Run("balance", ctx, static () => new ValueTask<Response>(Response.Fail("500", "ledger mismatch")));
            }

            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(2, 20));

        var result = await LoadTest.Create("steps").WithScenarios(scenario).RunAsync();

        var journey = result.Scenarios[0];
        journey.Total.Name.ShouldBe("journey");
        journey.Total.Count.ShouldBe(20);
        journey.Steps.Select(s => s.Name).ShouldBe(["login", "buy", "balance"]);
        journey.Steps[0].BytesSent.ShouldBe(200);
        journey.Steps[0].BytesReceived.ShouldBe(400);
        journey.Steps[1].StatusCodes["201"].ShouldBe(20);
        // The 20-ms delay is in the step's latency. Task.Delay fired 5.5 ms early once on a loaded 2-core host (14.5 ms
        // seen), so the bound is loose: what it pins is that the step's own time is measured, not the exact figure.
        journey.Steps[1].Latency.MinMs.ShouldBeGreaterThanOrEqualTo(10);
        journey.Steps[2].FailCount.ShouldBe(10);
        journey.Total.Latency.MinMs.ShouldBeGreaterThanOrEqualTo(journey.Steps[1].Latency.MinMs);
    }

    [Fact]
    public async Task A_throwing_step_is_recorded_as_an_exception_failure_and_the_iteration_goes_on()
    {
        var scenario = Scenario.Create("throws", async ctx =>
        {
            var response = await Step.Run("explode", ctx, static () => throw new InvalidOperationException("socket closed"));
            return response.IsError ? Response.Fail("step-failed") : Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(1, 5));

        var result = await LoadTest.Create("t").WithScenarios(scenario).RunAsync();

        var stats = result.Scenarios[0];
        stats.Steps[0].StatusCodes["exception"].ShouldBe(5);
        stats.Total.StatusCodes["step-failed"].ShouldBe(5);
    }

    [Fact]
    public async Task A_throwing_scenario_is_counted_as_a_failed_iteration()
    {
        var scenario = Scenario.Create("throws", static ctx => throw new TimeoutException("no answer"))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 3));

        var result = await LoadTest.Create("t").WithScenarios(scenario).RunAsync();

        result.Scenarios[0].FailCount.ShouldBe(3);
        result.Scenarios[0].Total.StatusCodes["exception"].ShouldBe(3);
    }

    [Fact]
    public async Task Interval_statistics_add_up_to_the_run_totals()
    {
        var scenario = Scenario.Create("series", static async ctx =>
        {
            await Step.Run("work", ctx, static async () =>
            {
                await Task.Delay(3, CancellationToken.None);
                return Response.Ok();
            });
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(3, TimeSpan.FromSeconds(2)));

        var result = await LoadTest.Create("t").WithScenarios(scenario).WithReportingInterval(TimeSpan.FromMilliseconds(200)).RunAsync();

        result.Intervals.Count.ShouldBeGreaterThanOrEqualTo(4, string.Join(", ", result.Intervals.Select(i => $"{i.Start}+{i.Duration}:{i.Scenarios[0].Total.Count}")) + " duration " + result.Duration);
        result.Intervals.Select(i => i.Index).ShouldBe(Enumerable.Range(0, result.Intervals.Count));
        result.Intervals.Sum(i => i.Scenarios[0].Total.Count).ShouldBe(result.Scenarios[0].Total.Count);
        result.Intervals.Sum(i => i.Scenarios[0].Steps.Sum(s => s.Count)).ShouldBe(result.Scenarios[0].Steps[0].Count);
        // The copies are read when an interval is flushed: on a starved machine a flush can come as the chain stops, so
        // one interval may see a copy already leaving; at least one sees all three and none more.
        result.Intervals.Max(i => i.Scenarios[0].ActiveCopies).ShouldBe(3);
        result.Intervals[1].Scenarios[0].TargetRate.ShouldBe(0);
        result.Intervals[1].Scenarios[0].Total.Rps.ShouldBe(result.Intervals[1].Scenarios[0].Total.Count / 0.2, 0.001);
        (result.Intervals[^1].Start + result.Intervals[^1].Duration).ShouldBe(result.Duration);
    }

    [Fact]
    public async Task A_step_given_state_records_like_any_other_and_hands_the_state_over()
    {
        var seen = new List<int>();
        var scenario = Scenario.Create("stateful", async ctx =>
        {
            var order = (Seen: seen, Number: (int)ctx.InvocationNumber);
            var bought = await Step.Run("buy", ctx, order, static async o =>
            {
                await Task.Yield();
                lock (o.Seen)
                {
                    o.Seen.Add(o.Number);
                }

                return Response.Ok<int>(o.Number * 10, "200", bytesSent: 5);
            });
            var balance = await Step.Run("balance", ctx, bought.Payload, static units => new ValueTask<Response>(units % 20 == 0 ? Response.Ok("200") : Response.Fail("409")));
            return balance;
        }).WithLoadSimulations(Simulation.IterationsForConstant(2, 10));

        var result = await LoadTest.Create("state").WithScenarios(scenario).RunAsync();

        seen.Order().ShouldBe(Enumerable.Range(0, 10));
        var stats = result.Scenarios[0];
        stats.Steps.Select(s => s.Name).ShouldBe(["buy", "balance"]);
        stats.Steps[0].OkCount.ShouldBe(10);
        stats.Steps[0].BytesSent.ShouldBe(50);
        stats.Steps[1].StatusCodes["200"].ShouldBe(5);
        stats.Steps[1].StatusCodes["409"].ShouldBe(5);
    }

    [Fact]
    public async Task A_step_given_state_that_completes_at_once_allocates_nothing()
    {
        long allocated = -1;
        var scenario = Scenario.Create("lean", async ctx =>
        {
            var state = (Context: ctx, Amount: 3);
            for (var i = 0; i < 10; i++)
            {
                await Step.Run("sync", ctx, state, static s => new ValueTask<Response>(Response.Ok("200", bytesSent: s.Amount)));
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                var pending = Step.Run("sync", ctx, state, static s => new ValueTask<Response>(Response.Ok("200", bytesSent: s.Amount)));
                if (!pending.IsCompletedSuccessfully || pending.Result.IsError)
                {
                    return Response.Fail("not-synchronous");
                }
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(1, 1));

        var result = await LoadTest.Create("alloc").WithScenarios(scenario).RunAsync();

        result.Scenarios[0].Total.OkCount.ShouldBe(1);
        result.Scenarios[0].Steps[0].Count.ShouldBe(1_010);
        // A closure and a delegate per call would be 64+ bytes each time; a stray object now and then stays far below.
        allocated.ShouldBeLessThan(1_000);
    }
}
