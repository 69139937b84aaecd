using System.Collections.Concurrent;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Engine.Tests.Sinks;

public sealed class ReportingSinkTests
{
    private static ScenarioProps Busy() => Scenario.Create("busy", static async ctx =>
    {
        await Task.Delay(2, CancellationToken.None);
        return Response.Ok();
    }).WithLoadSimulations(Simulation.KeepConstant(2, TimeSpan.FromMilliseconds(1000)));

    [Fact]
    public async Task A_sink_receives_the_start_every_interval_and_the_final_result()
    {
        var sink = new CollectingSink();

        var result = await LoadTest.Create("sinks").WithScenarios(Busy()).WithSinks(sink)
            .WithReportingInterval(TimeSpan.FromMilliseconds(250)).RunAsync();

        sink.Info.ShouldNotBeNull();
        sink.Info.TestName.ShouldBe("sinks");
        sink.Info.Scenarios.ShouldHaveSingleItem().Name.ShouldBe("busy");
        sink.Info.PlannedDuration.ShouldBe(TimeSpan.FromSeconds(1));
        // The last interval may come again, enlarged by the folded tail: the later report replaces the earlier.
        var indexes = sink.Intervals.Select(i => i.Index).ToList();
        indexes.Distinct().ShouldBe(Enumerable.Range(0, result.Intervals.Count));
        indexes.Count.ShouldBeInRange(result.Intervals.Count, result.Intervals.Count + 1);
        var latest = sink.Intervals.GroupBy(i => i.Index).Select(g => g.Last()).ToList();
        latest.ShouldBe(result.Intervals);
        latest.Sum(i => i.Scenarios[0].Total.Count).ShouldBe(result.Scenarios[0].Total.Count);
        sink.Final.ShouldNotBeNull();
        sink.Final.Scenarios[0].Total.Count.ShouldBe(result.Scenarios[0].Total.Count);
        result.SinkErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_sink_is_reported_and_neither_stops_the_run_nor_the_other_sinks()
    {
        var good = new CollectingSink();

        var result = await LoadTest.Create("sinks").WithScenarios(Busy()).WithSinks(new FailingSink(), good)
            .WithReportingInterval(TimeSpan.FromMilliseconds(250)).RunAsync();

        result.Interrupted.ShouldBeFalse();
        result.Scenarios[0].Total.Count.ShouldBeGreaterThan(0);
        result.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        result.SinkErrors.Select(e => e.Phase).Distinct().ShouldBe(["start", "interval", "final"], ignoreOrder: true);
        result.SinkErrors.ShouldAllBe(e => e.Sink == "failing" && e.Message == "InvalidOperationException: disk full");
        good.Final.ShouldNotBeNull();
        good.Final.Scenarios[0].Total.Count.ShouldBe(result.Scenarios[0].Total.Count);
        good.Intervals.Select(i => i.Index).Distinct().Count().ShouldBe(result.Intervals.Count);
    }

    [Fact]
    public async Task A_slow_sink_does_not_hold_up_the_interval_timer()
    {
        var slow = new CollectingSink(delay: TimeSpan.FromMilliseconds(400));

        var result = await LoadTest.Create("slow").WithScenarios(Busy()).WithSinks(slow)
            .WithReportingInterval(TimeSpan.FromMilliseconds(100)).RunAsync();

        // The intervals keep their 100 ms rhythm although each delivery takes 400 ms.
        result.Intervals.Count.ShouldBeGreaterThanOrEqualTo(9);
        result.Intervals.Take(9).Select(i => i.Start).ShouldBe(Enumerable.Range(0, 9).Select(i => TimeSpan.FromMilliseconds(100 * i)));
        slow.Intervals.Select(i => i.Index).Distinct().Count().ShouldBe(result.Intervals.Count);
    }

    private sealed class CollectingSink(TimeSpan delay = default) : IReportingSink
    {
        public string Name => "collecting";

        public RunInfo? Info { get; private set; }

        public ConcurrentQueue<IntervalStats> Intervals { get; } = new();

        public RunResult? Final { get; private set; }

        public Task StartAsync(RunInfo info, CancellationToken cancellationToken)
        {
            Info = info;
            return Task.CompletedTask;
        }

        public async Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken)
        {
            Intervals.Enqueue(interval);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }
        }

        public Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken)
        {
            Final = result;
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSink : IReportingSink
    {
        public string Name => "failing";

        public Task StartAsync(RunInfo info, CancellationToken cancellationToken) => throw new InvalidOperationException("disk full");

        public Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken) => Task.FromException(new InvalidOperationException("disk full"));

        public Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken) => throw new InvalidOperationException("disk full");
    }
}
