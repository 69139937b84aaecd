using Microsoft.Extensions.Time.Testing;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

/// <summary>The run's time series: enough points for a short run, no sliver at the end, counts that add up.</summary>
public sealed class ReportingIntervalTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5_000, 6_000, 250)]
    [InlineData(5_000, 30_000, 1_000)]
    [InlineData(5_000, 60_000, 2_000)]
    [InlineData(5_000, 600_000, 5_000)]
    [InlineData(30_000, 1_800_000, 30_000)]
    [InlineData(5_000, 1_000, 100)]
    [InlineData(50, 1_000, 50)]
    public void A_short_run_reports_at_a_round_step_of_at_most_a_twentieth_of_its_length(int configuredMs, int plannedMs, int expectedMs)
    {
        ReportingCadence.For(TimeSpan.FromMilliseconds(configuredMs), TimeSpan.FromMilliseconds(plannedMs))
            .ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void An_iteration_bounded_run_keeps_the_configured_interval()
    {
        ReportingCadence.For(TimeSpan.FromSeconds(5), null).ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_six_second_run_has_at_least_twenty_intervals_none_shorter_than_half_and_counts_that_add_up()
    {
        var result = await RunOnFakeClockAsync(TimeSpan.FromSeconds(6), interval: null);

        var intervals = result.Intervals;
        intervals.Count.ShouldBeGreaterThanOrEqualTo(20);
        intervals[0].Duration.ShouldBe(TimeSpan.FromMilliseconds(250));
        ShouldHaveNoSliverAndAddUp(result, TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task The_tail_after_the_drain_is_folded_into_the_last_interval_which_shows_the_load_not_the_drain()
    {
        var interval = TimeSpan.FromMilliseconds(250);
        var result = await RunOnFakeClockAsync(TimeSpan.FromSeconds(5), interval);

        // 5 s at 250 ms is 20 intervals; the drain's few milliseconds belong to the twentieth, not to a 21st.
        result.Intervals.Count.ShouldBe(20);
        result.Duration.ShouldBeGreaterThan(TimeSpan.FromSeconds(5), "the iterations in flight at the end should have taken some fake time to finish");
        var last = result.Intervals[^1];
        (last.Start + last.Duration).ShouldBe(result.Duration);
        last.Scenarios[0].ActiveCopies.ShouldBe(2);
        ShouldHaveNoSliverAndAddUp(result, interval);
    }

    private static void ShouldHaveNoSliverAndAddUp(RunResult result, TimeSpan interval)
    {
        var intervals = result.Intervals;
        intervals.ShouldAllBe(i => i.Duration >= interval / 2, string.Join(", ", intervals.Select(i => i.Duration.TotalMilliseconds)));
        var scenario = result.Scenarios[0];
        intervals.Sum(i => i.Scenarios[0].Total.OkCount).ShouldBe(scenario.Total.OkCount);
        intervals.Sum(i => i.Scenarios[0].Total.FailCount).ShouldBe(scenario.Total.FailCount);
        foreach (var step in scenario.Steps)
        {
            intervals.Sum(i => i.Scenarios[0].Steps.Where(s => s.Name == step.Name).Sum(s => s.Count)).ShouldBe(step.Count, step.Name);
        }

        // Every rate is a count over the interval's real length.
        foreach (var i in intervals)
        {
            i.Scenarios[0].Total.Rps.ShouldBe(i.Scenarios[0].Total.Count / i.Duration.TotalSeconds, 1e-9);
        }
    }

    /// <summary>Two virtual users, each iteration a 70-ms step on the fake clock, so the stop leaves iterations in flight.</summary>
    private static async Task<RunResult> RunOnFakeClockAsync(TimeSpan during, TimeSpan? interval)
    {
        var clock = new FakeTimeProvider(Epoch);
        var scenario = Scenario.Create("tail", ctx => Step.Run("wait", ctx, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(70), clock, ctx.CancellationToken);
                return Response.Ok();
            }))
            .WithLoadSimulations(Simulation.KeepConstant(2, during));
        var run = LoadTest.Create("intervals").WithScenarios(scenario).WithTimeProvider(clock).WithReportingInterval(interval).RunAsync();
        for (int i = 0; i < 5_000 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }

        run.IsCompleted.ShouldBeTrue("the run did not end within 50 s of fake time");
        return await run;
    }
}
