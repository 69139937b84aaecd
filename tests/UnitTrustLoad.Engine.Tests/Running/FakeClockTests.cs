using Microsoft.Extensions.Time.Testing;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

/// <summary>The run driven by a fake clock: schedules, intervals and latencies follow it, not the wall clock.</summary>
public sealed class FakeClockTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>Moves the fake clock in small steps, giving the engine real time to react to each, until the run ends.</summary>
    private static async Task<RunResult> DriveAsync(FakeTimeProvider clock, Task<RunResult> run)
    {
        for (int i = 0; i < 5_000 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }

        run.IsCompleted.ShouldBeTrue("the run did not end within 50 s of fake time");
        return await run;
    }

    [Fact]
    public async Task Open_model_intervals_and_arrivals_follow_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Epoch);
        long started = 0;
        var scenario = Scenario.Create("fake-open", ctx =>
        {
            Interlocked.Increment(ref started);
            return new ValueTask<Response>(Response.Ok());
        }).WithLoadSimulations(Simulation.Inject(10, Second, TimeSpan.FromSeconds(5)));
        var stage = LoadPlan.Resolve(scenario.LoadSimulations, seed: 1)[0];
        var run = LoadTest.Create("fake").WithScenarios(scenario).WithTimeProvider(clock).WithReportingInterval(Second).RunAsync();

        // Advance only once the engine has started every arrival due so far, so no real-time stall can make one late.
        for (int i = 0; i < 1_000 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            long due = LoadPlan.ArrivalsUpTo(stage, clock.GetUtcNow() - Epoch);
            for (int wait = 0; wait < 500 && Interlocked.Read(ref started) < due; wait++)
            {
                await Task.Delay(2);
            }
        }

        var result = await DriveAsync(clock, run);

        result.StartedAt.ShouldBe(Epoch);
        var stats = result.Scenarios[0];
        stats.Total.Count.ShouldBe(50);
        stats.DroppedIterations.ShouldBe(0);
        result.Intervals.Take(5).Sum(i => i.Scenarios[0].Total.Count).ShouldBeInRange(49, 50);
        result.Intervals.Take(5).ShouldAllBe(i => i.Scenarios[0].Total.Count >= 9 && i.Scenarios[0].Total.Count <= 11);
        stats.Duration.ShouldBeInRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        result.Intervals.Take(5).Select(i => (i.Start, i.Duration)).ShouldBe(Enumerable.Range(0, 5).Select(i => (i * Second, Second)));
        result.Intervals[2].Scenarios[0].TargetRate.ShouldBe(10);
        result.Intervals[2].Scenarios[0].Total.Rps.ShouldBe(result.Intervals[2].Scenarios[0].Total.Count);
    }

    [Fact]
    public async Task Latency_and_ramped_copies_are_measured_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Epoch);
        var scenario = Scenario.Create("fake-closed", async ctx =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.RampingConstant(10, TimeSpan.FromSeconds(5)), Simulation.KeepConstant(10, TimeSpan.FromSeconds(1)));
        var run = LoadTest.Create("fake").WithScenarios(scenario).WithTimeProvider(clock).WithReportingInterval(Second).RunAsync();

        var result = await DriveAsync(clock, run);

        var total = result.Scenarios[0].Total;
        total.Count.ShouldBeGreaterThan(100);

        // A fake 100 ms delay measures as 100 ms and a little more (the clock moves in 10 ms steps), whatever the machine does.
        total.Latency.MinMs.ShouldBeGreaterThanOrEqualTo(99.9);
        total.Latency.P50Ms.ShouldBeLessThan(300);
        var copies = result.Intervals.Take(5).Select(i => i.Scenarios[0].ActiveCopies).ToArray();
        int[] expected = [2, 4, 6, 8, 10];
        for (int i = 0; i < expected.Length; i++)
        {
            copies[i].ShouldBeInRange(expected[i] - 1, expected[i] + 1, $"copies at the end of interval {i}: {string.Join(", ", copies)}");
        }

        result.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Think_time_is_left_out_of_the_iteration_latency_but_still_paces_the_user()
    {
        var clock = new FakeTimeProvider(Epoch);
        var scenario = Scenario.Create("fake-think", async ctx =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ctx.CancellationToken);
            await ctx.PauseAsync(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(2, TimeSpan.FromSeconds(6)));
        var run = LoadTest.Create("fake").WithScenarios(scenario).WithTimeProvider(clock).WithReportingInterval(Second).RunAsync();

        var result = await DriveAsync(clock, run);

        var total = result.Scenarios[0].Total;

        // Two users, 1.2 s per iteration: about 10 iterations in 6 s (the pause still paces them) ...
        total.Count.ShouldBeInRange(8, 12);

        // ... each measured as its 200 ms of work, not 1.2 s.
        total.Latency.MinMs.ShouldBeGreaterThanOrEqualTo(199.9);
        total.Latency.MaxMs.ShouldBeLessThan(1000);
    }
}
