using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Thresholds;

/// <summary>Thresholds over a sliding window, judged every second: a short breach the whole run hides is seen.</summary>
public sealed class WindowedThresholdTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // A process's first run compiles the engine's paths as it goes and can stall its schedule for a second: one warm
    // run first, once, so the windows judge the target's latency rather than the compiler's.
    private static readonly Lazy<Task> Warm = new(() => LoadTest.Create("warm")
        .WithScenarios(Scenario.Create("warm", static async ctx =>
        {
            await Task.Delay(1, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.Inject(100, Second, Second)))
        .WithThresholds(new Threshold("p(95) < 60", "warm", Window: Second, AbortOnFail: true, Sustained: true))
        .RunAsync());

    /// <summary>
    /// 100 arrivals a second for <paramref name="seconds"/>; the iterations numbered from <paramref name="slowFrom"/>
    /// (the first is 0) up to <paramref name="slowTo"/> are slow (120 ms), the rest 1 ms. Counted, not timed, so a
    /// stall of the machine that drops arrivals cannot drop the spike with them.
    /// </summary>
    private static async Task<RunResult> RunAsync(int seconds, int slowFrom, int slowTo, params Threshold[] thresholds)
    {
        await Warm.Value;
        long started = -1;
        var scenario = Scenario.Create("spiky", async ctx =>
        {
            var n = Interlocked.Increment(ref started);
            await Task.Delay(n >= slowFrom && n < slowTo ? 120 : 1, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.Inject(100, Second, TimeSpan.FromSeconds(seconds)));
        var result = await LoadTest.Create("windows").WithScenarios(scenario).WithThresholds(thresholds).RunAsync();
        Interlocked.Read(ref started).ShouldBeGreaterThanOrEqualTo(Math.Min(slowTo, slowFrom + 10) - 1, "the spike's iterations ran");
        return result;
    }

    [Fact]
    public async Task A_150_ms_spike_fails_a_one_second_window_while_the_whole_run_passes()
    {
        // Iterations 200-214 of 500: 3 % of the run, 15 % of the second they fall in.
        var result = await RunAsync(5, 200, 215,
            new Threshold("p(95) < 60", "spiky"),
            new Threshold("p(95) < 60", "spiky", Window: Second));

        var (whole, windowed) = (result.Thresholds[0], result.Thresholds[1]);
        whole.Passed.ShouldBeTrue($"3 % of the run was slow: p95 {whole.Actual}");
        windowed.Passed.ShouldBeFalse("15 % of one second was slow");
        windowed.Actual!.Value.ShouldBeGreaterThan(60);
        windowed.Message.ShouldStartWith("in the 1 s window ending at 00:00:0");
        result.Interrupted.ShouldBeFalse();
    }

    [Fact]
    public async Task Sustained_waits_for_a_breach_as_long_as_the_window_before_it_aborts()
    {
        // A 3-s window: the brief spike fails up to four windows in a row (it sits in each for 3 s), but at most two
        // of its seconds; the lasting one fails every second from 1 s on.
        var window = TimeSpan.FromSeconds(3);
        var brief = await RunAsync(5, 150, 165,
            new Threshold("p(95) < 60", "spiky", AbortOnFail: true, Window: window, Sustained: true));
        var lasting = await RunAsync(8, 100, int.MaxValue,
            new Threshold("p(95) < 60", "spiky", AbortOnFail: true, Window: window, Sustained: true));

        brief.Interrupted.ShouldBeFalse("a breach shorter than the window does not abort a sustained threshold");
        brief.Thresholds[0].Passed.ShouldBeFalse("it still failed");
        brief.Thresholds[0].AbortedRun.ShouldBeFalse();
        lasting.Interrupted.ShouldBeTrue();
        lasting.Thresholds[0].AbortedRun.ShouldBeTrue();
        lasting.Duration.ShouldBeInRange(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6.5), "aborted once the breach had lasted a window, not before and not at the end");
    }

    [Fact]
    public async Task Without_Sustained_a_windowed_abort_comes_at_the_first_failing_window()
    {
        var result = await RunAsync(5, 150, 165,
            new Threshold("p(95) < 60", "spiky", AbortOnFail: true, Window: Second));

        result.Interrupted.ShouldBeTrue();
        result.Thresholds[0].AbortedRun.ShouldBeTrue();
        result.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(4.5));
    }
}
