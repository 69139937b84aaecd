using System.Diagnostics;
using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Engine.Tests.Capacity;

/// <summary>The search run by the engine on the real clock, against in-process targets whose behaviour the test sets.</summary>
public sealed class CapacitySearchRunTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static Task<RunResult> RunAsync(ScenarioProps scenario, CapacitySearch search, CancellationToken stop = default)
        => LoadTest.Create("capacity").WithScenarios(scenario).WithCapacity(search).RunAsync(stop);

    [Fact]
    public async Task The_settle_time_is_left_out_of_each_steps_judgement()
    {
        // Slow for the first 300 ms of the run, then fast: judged after 500 ms of settling the first step passes;
        // judged from its first arrival it fails.
        async Task<CapacityResult> SearchAsync(TimeSpan settle)
        {
            var clock = Stopwatch.StartNew();
            var scenario = Scenario.Create("settling", async ctx =>
            {
                await Task.Delay(clock.Elapsed < TimeSpan.FromMilliseconds(300) ? 150 : 2, ctx.CancellationToken);
                return Response.Ok();
            });
            // One step: the time budget ends the search before a bisection would.
            var search = new CapacitySearch("settling")
            {
                StartRate = 40, StepDuration = Second, Settle = settle, MaxRate = 40, MaxDuration = TimeSpan.FromSeconds(1.5), Slo = ["p(95) < 100"], DropTolerance = 0.2,
            };
            return (await RunAsync(scenario, search)).Capacity!;
        }

        var settled = await SearchAsync(TimeSpan.FromMilliseconds(500));
        var unsettled = await SearchAsync(TimeSpan.Zero);

        settled.Steps.Count.ShouldBe(1);
        settled.Steps[0].Passed.ShouldBeTrue($"p95 was {settled.Steps[0].P95} ms after settling");
        settled.End.ShouldBe(CapacityEnd.MaxRate);
        settled.SustainableRate.ShouldBe(40);
        unsettled.Steps[0].Passed.ShouldBeFalse($"p95 was {unsettled.Steps[0].P95} ms with the first 300 ms judged");
        unsettled.Steps.Count.ShouldBe(1);
        unsettled.BreakingRate.ShouldBe(40);
        unsettled.BrokenBy.ShouldBe("p(95) < 100");
        unsettled.NamedCapacity.ShouldBeFalse("no step passed");
    }

    [Fact]
    public async Task A_generator_that_cannot_keep_the_rate_is_named_as_the_limit_not_the_target()
    {
        // At most 2 iterations in flight, each 50 ms: 40/s is all this generator can start; 80/s drops half.
        var scenario = Scenario.Create("starved", async ctx =>
        {
            await Task.Delay(50, ctx.CancellationToken);
            return Response.Ok();
        }).WithMaxConcurrency(2);
        var search = new CapacitySearch("starved") { StartRate = 20, StepDuration = Second, Settle = TimeSpan.FromMilliseconds(200), Slo = ["p(95) < 500"] };

        var result = await RunAsync(scenario, search);

        var capacity = result.Capacity!;
        capacity.End.ShouldBe(CapacityEnd.Generator);
        capacity.LimitedBy.ShouldBe("generator");
        capacity.NamedCapacity.ShouldBeFalse();
        capacity.BreakingRate.ShouldBeNull("the target broke nothing");
        var last = capacity.Steps[^1];
        last.GeneratorLimited.ShouldBeTrue();
        last.Dropped.ShouldBeGreaterThan(0);
        result.Scenarios[0].DroppedIterations.ShouldBeGreaterThanOrEqualTo(last.Dropped);
    }

    [Fact]
    public async Task The_search_never_starts_a_step_that_would_cross_MaxDuration()
    {
        var scenario = Scenario.Create("fast", static ctx => new ValueTask<Response>(Response.Ok()));
        var search = new CapacitySearch("fast") { StartRate = 10, StepDuration = Second, Settle = TimeSpan.FromMilliseconds(200), MaxDuration = TimeSpan.FromSeconds(3.5) };

        var watch = Stopwatch.StartNew();
        var result = await RunAsync(scenario, search);

        var capacity = result.Capacity!;
        // Three steps fit in 3.5 s; a cold process's first step can start late enough that only two do, or fail on a
        // busy machine and be repeated (a confirmation). Never a fourth rate.
        var rates = capacity.Steps.Where(s => !s.Confirmation).Select(s => s.Rate).ToList();
        rates.ShouldBe(new[] { 10, 20, 40 }.Take(rates.Count).ToList());
        rates.Count.ShouldBeInRange(1, 3);
        capacity.Steps.Count.ShouldBeLessThanOrEqualTo(3);
        capacity.End.ShouldBe(CapacityEnd.MaxDuration);
        capacity.SustainableRate.ShouldBe(rates[^1]);
        capacity.LimitedBy.ShouldBeNull("nothing broke");
        capacity.Duration.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(3.5));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Scenarios[0].LoadSimulations.ShouldBe([$"capacity search: {capacity.Steps.Count} steps of 1 s at {string.Join(", ", capacity.Steps.Select(s => s.Rate + "/s"))}"]);
    }

    [Fact]
    public async Task A_stop_ends_the_search_with_the_steps_judged_so_far()
    {
        var scenario = Scenario.Create("fast", static ctx => new ValueTask<Response>(Response.Ok()));
        var search = new CapacitySearch("fast") { StartRate = 10, StepDuration = Second, Settle = TimeSpan.FromMilliseconds(200) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var result = await RunAsync(scenario, search, stop.Token);

        var capacity = result.Capacity!;
        capacity.End.ShouldBe(CapacityEnd.Stopped);
        capacity.Steps.Select(s => s.Rate).ShouldBe([10], "the second step was cut short and is not judged");
        capacity.SustainableRate.ShouldBe(capacity.Steps[0].Passed ? 10 : null);
        result.Interrupted.ShouldBeTrue();
    }
}
