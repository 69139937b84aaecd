using System.Diagnostics;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

public sealed class StoppingTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_cancelled_run_lets_running_iterations_finish_within_the_grace_period()
    {
        long started = 0;
        long finished = 0;
        var scenario = Scenario.Create("slow", async ctx =>
        {
            Interlocked.Increment(ref started);
            await Task.Delay(400, CancellationToken.None);
            Interlocked.Increment(ref finished);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(4, Long));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        var clock = Stopwatch.StartNew();

        var result = await LoadTest.Create("stop").WithScenarios(scenario).WithStopGracePeriod(TimeSpan.FromSeconds(5)).RunAsync(cancel.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        result.Interrupted.ShouldBeTrue();
        result.InterruptReason.ShouldBe("cancelled");
        Interlocked.Read(ref finished).ShouldBe(Interlocked.Read(ref started));
        result.Scenarios[0].Total.StatusCodes.Keys.ShouldBe(["200"]);
        result.Scenarios[0].OkCount.ShouldBe(Interlocked.Read(ref started));
    }

    [Fact]
    public async Task Iterations_still_running_after_the_grace_period_are_cancelled_and_the_result_still_comes()
    {
        var scenario = Scenario.Create("stuck", static async ctx =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(3, Long));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var result = await LoadTest.Create("stuck").WithScenarios(scenario).WithStopGracePeriod(TimeSpan.FromMilliseconds(500)).RunAsync(cancel.Token);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(700));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Interrupted.ShouldBeTrue();
        // Cut off by the run's own stop: interrupted (k6's word), never failures of the target.
        result.Scenarios[0].InterruptedIterations.ShouldBe(3);
        result.Scenarios[0].FailCount.ShouldBe(0);
        result.Scenarios[0].Total.StatusCodes.ShouldNotContainKey("cancelled");
    }

    [Fact]
    public async Task A_stop_during_an_iteration_bounded_stage_still_cancels_stuck_iterations_after_the_grace_period()
    {
        // Cancel only once both copies are inside an iteration: a fixed delay raced a cold start on CI.
        using var cancel = new CancellationTokenSource();
        int running = 0;
        var scenario = Scenario.Create("stuck", async ctx =>
        {
            if (Interlocked.Increment(ref running) == 2)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(TimeSpan.FromSeconds(30), ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(2, 1_000));
        var clock = Stopwatch.StartNew();

        var result = await LoadTest.Create("stuck").WithScenarios(scenario).WithStopGracePeriod(TimeSpan.FromMilliseconds(300)).RunAsync(cancel.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Scenarios[0].InterruptedIterations.ShouldBe(2);
        result.Scenarios[0].FailCount.ShouldBe(0);
    }

    [Fact]
    public async Task StopTest_from_a_scenario_stops_the_run_with_its_reason()
    {
        var scenario = Scenario.Create("stopper", static ctx =>
        {
            if (ctx.InvocationNumber == 50)
            {
                ctx.StopTest("target returned 503 for the token");
            }

            return new ValueTask<Response>(Response.Ok());
        }).WithLoadSimulations(Simulation.Inject(500, TimeSpan.FromSeconds(1), Long));
        var clock = Stopwatch.StartNew();

        var result = await LoadTest.Create("stop").WithScenarios(scenario).RunAsync();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Interrupted.ShouldBeTrue();
        result.InterruptReason!.ShouldContain("target returned 503 for the token");
        result.InterruptReason!.ShouldContain("stopper");
        result.Scenarios[0].Total.Count.ShouldBeInRange(51, 200);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_returns_an_interrupted_empty_result()
    {
        var scenario = Scenario.Create("never", static ctx => new ValueTask<Response>(Response.Ok()))
            .WithLoadSimulations(Simulation.KeepConstant(1, Long));

        var result = await LoadTest.Create("t").WithScenarios(scenario).RunAsync(new CancellationToken(canceled: true));

        result.Interrupted.ShouldBeTrue();
        result.Scenarios[0].Total.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_init_stops_the_test_before_any_load_and_cleans_what_was_initialised()
    {
        bool cleanedFirst = false;
        long iterations = 0;
        var first = Scenario.Create("first", ctx =>
        {
            Interlocked.Increment(ref iterations);
            return Task.FromResult(Response.Ok());
        }).WithInit(_ => Task.CompletedTask)
          .WithClean(_ =>
          {
              cleanedFirst = true;
              return Task.CompletedTask;
          })
          .WithLoadSimulations(Simulation.KeepConstant(1, Long));
        var second = Scenario.Create("second", static ctx => new ValueTask<Response>(Response.Ok()))
            .WithInit(_ => throw new InvalidOperationException("no investors could be prepared"))
            .WithLoadSimulations(Simulation.KeepConstant(1, Long));

        var ex = await Should.ThrowAsync<LoadTestDefinitionException>(() => LoadTest.Create("t").WithScenarios(first, second).RunAsync());

        ex.Message.ShouldContain("scenario 'second' init failed");
        ex.Message.ShouldContain("no investors could be prepared");
        cleanedFirst.ShouldBeTrue();
        Interlocked.Read(ref iterations).ShouldBe(0);
    }

    [Fact]
    public async Task Init_runs_before_the_load_and_clean_after_it()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var scenario = Scenario.Create("hooks", ctx =>
        {
            if (ctx.InvocationNumber == 0)
            {
                events.Enqueue("iteration");
            }

            return Task.FromResult(Response.Ok());
        }).WithInit(ctx =>
        {
            events.Enqueue("init " + ctx.ScenarioName);
            return Task.CompletedTask;
        }).WithClean(_ =>
        {
            events.Enqueue("clean");
            return Task.CompletedTask;
        }).WithLoadSimulations(Simulation.IterationsForConstant(1, 10));

        await LoadTest.Create("t").WithScenarios(scenario).RunAsync();

        events.ShouldBe(["init hooks", "iteration", "clean"]);
    }
}
