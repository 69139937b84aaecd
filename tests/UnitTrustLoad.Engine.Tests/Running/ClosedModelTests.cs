using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

public sealed class ClosedModelTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public async Task KeepConstant_runs_exactly_its_copies_at_once_and_never_more()
    {
        var inFlight = new InFlightGauge();
        var scenario = Scenario.Create("keep", async ctx =>
        {
            using var _ = inFlight.Enter();
            await Task.Delay(5, CancellationToken.None);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(8, TimeSpan.FromSeconds(1)));

        var result = await LoadTest.Create("keep").WithScenarios(scenario).RunAsync();

        inFlight.Max.ShouldBe(8);
        // Each copy loops: ideally ~1,400 iterations, but a loaded CI machine stretched the 5-ms delays to a few dozen
        // iterations in all (80 once), so this asserts that the copies kept starting new ones, not a rate.
        result.Scenarios[0].OkCount.ShouldBeGreaterThan(8 * 3);
        result.Interrupted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_ramp_up_and_down_never_exceeds_the_highest_copies()
    {
        var inFlight = new InFlightGauge();
        var instances = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var scenario = Scenario.Create("ramp", async ctx =>
        {
            instances.TryAdd(ctx.ScenarioInstanceNumber, 0);
            using var _ = inFlight.Enter();
            await Task.Delay(2, CancellationToken.None);
            return Response.Ok();
        }).WithLoadSimulations(
            Simulation.RampingConstant(12, Ms(600)),
            Simulation.RampingConstant(2, Ms(600)),
            Simulation.RampingConstant(12, Ms(600)));

        var result = await LoadTest.Create("ramp").WithScenarios(scenario).RunAsync();

        inFlight.Max.ShouldBeLessThanOrEqualTo(12);
        inFlight.Max.ShouldBeGreaterThanOrEqualTo(10);
        instances.Keys.Max().ShouldBeLessThan(12);
        result.Scenarios[0].Total.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task IterationsForConstant_runs_exactly_the_iterations_shared_by_its_copies()
    {
        var inFlight = new InFlightGauge();
        var scenario = Scenario.Create("iterations", async ctx =>
        {
            using var _ = inFlight.Enter();
            await Task.Yield();
            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(4, 10_000));

        var result = await LoadTest.Create("iterations").WithScenarios(scenario).RunAsync();

        result.Scenarios[0].Total.Count.ShouldBe(10_000);
        inFlight.Max.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task Invocation_numbers_are_unique_and_the_data_slot_belongs_to_one_virtual_user()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<long, byte>();
        long wrongOwner = 0;
        var scenario = Scenario.Create("numbers", ctx =>
        {
            seen.TryAdd(ctx.InvocationNumber, 0).ShouldBeTrue();
            if (ctx.Data.TryGetValue("owner", out var owner) && (int)owner != ctx.ScenarioInstanceNumber)
            {
                Interlocked.Increment(ref wrongOwner);
            }

            ctx.Data["owner"] = ctx.ScenarioInstanceNumber;
            return Task.FromResult(Response.Ok());
        }).WithLoadSimulations(Simulation.IterationsForConstant(3, 3_000));

        var result = await LoadTest.Create("numbers").WithScenarios(scenario).RunAsync();

        seen.Count.ShouldBe(3_000);
        seen.Keys.Max().ShouldBe(2_999);
        Interlocked.Read(ref wrongOwner).ShouldBe(0);
        result.Scenarios[0].OkCount.ShouldBe(3_000);
    }

    [Fact]
    public async Task Warm_up_load_runs_first_and_its_statistics_are_discarded()
    {
        long invocations = 0;
        var scenario = Scenario.Create("warm", async ctx =>
        {
            Interlocked.Increment(ref invocations);
            ctx.AddCounter("calls");
            // No timer: with a 10 ms delay a busy CI machine once let only 2 iterations into the 400 ms warm-up.
            await Task.Yield();
            return Response.Ok();
        }).WithWarmUpDuration(Ms(400))
          .WithLoadSimulations(Simulation.KeepConstant(1, Ms(400)));

        var result = await LoadTest.Create("warm").WithScenarios(scenario).RunAsync();

        long measured = result.Scenarios[0].Total.Count;
        measured.ShouldBeGreaterThan(0);
        Interlocked.Read(ref invocations).ShouldBeGreaterThan(measured + 100);
        result.Counters["calls"].ShouldBe(measured);
    }

    [Fact]
    public async Task Warm_up_is_in_the_result_with_the_iterations_and_step_calls_it_left_out()
    {
        long invocations = 0;
        var warm = Scenario.Create("warm", ctx => Step.Run("call", ctx, async () =>
        {
            Interlocked.Increment(ref invocations);
            await Task.Yield();
            return Response.Ok();
        })).WithWarmUpDuration(Ms(300))
          .WithLoadSimulations(Simulation.KeepConstant(1, Ms(300)));
        var cold = Scenario.Create("cold", ctx => new ValueTask<Response>(Response.Ok()))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 5));

        var result = await LoadTest.Create("warm").WithScenarios(warm, cold).RunAsync();

        var warmed = result.Scenarios[0];
        warmed.WarmUp.ShouldNotBeNull();
        warmed.WarmUp.Duration.ShouldBe(Ms(300));
        warmed.WarmUp.Iterations.ShouldBeGreaterThan(0);
        warmed.WarmUp.StepCalls.ShouldBe(warmed.WarmUp.Iterations);
        (warmed.WarmUp.StepCalls + warmed.Steps[0].Count).ShouldBe(Interlocked.Read(ref invocations));
        result.Scenarios[1].WarmUp.ShouldBeNull();
    }
}
