using System.Diagnostics;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Statistics;

namespace UnitTrustLoad.Engine.Tests.Statistics;

/// <summary>The whole run's percentile curves (HdrHistogram's percentile distribution), successful and failed calls apart.</summary>
public sealed class LatencyCurveTests
{
    private static readonly long Frequency = Stopwatch.Frequency;

    private static long Ms(double ms) => (long)(ms * Frequency / 1000.0);

    [Fact]
    public void Successful_and_failed_calls_get_their_own_curve_spaced_by_decades_of_one_over_one_minus_p()
    {
        var recorder = new StepRecorder("mixed", Frequency);
        for (int ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(Ms(ms), Response.Ok());
        }

        for (int i = 0; i < 10; i++)
        {
            recorder.Record(Ms(5000 + i), Response.Fail("500"));
        }

        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        var distribution = accumulator.ToResult("mixed", TimeSpan.FromSeconds(1), withDistribution: true).Distribution!;

        // 1,000 calls reach three decades (99.9 %, the last call's rank): 16 points per decade from 0 %.
        var ok = distribution.Ok;
        ok.Count.ShouldBe((3 * LatencyCurve.PointsPerDecade) + 1);
        ok[0].Percentile.ShouldBe(0);
        ok[0].LatencyMs.ShouldBe(1, 0.01);
        ok[LatencyCurve.PointsPerDecade].Percentile.ShouldBe(90, 1e-9);
        ok[LatencyCurve.PointsPerDecade].LatencyMs.ShouldBe(900, 1);
        ok[2 * LatencyCurve.PointsPerDecade].Percentile.ShouldBe(99, 1e-9);
        ok[2 * LatencyCurve.PointsPerDecade].LatencyMs.ShouldBe(990, 1);
        ok[^1].Percentile.ShouldBe(99.9, 1e-9);
        ok[^1].LatencyMs.ShouldBe(1000, 1);
        ok.Select(p => p.LatencyMs).ShouldBeInOrder();
        ok.Select(p => p.Percentile).ShouldBeInOrder();

        // The failed calls' 5 s do not leak into the successful curve, and have a curve of their own.
        var failed = distribution.Failed;
        failed.Count.ShouldBe(LatencyCurve.PointsPerDecade + 1);
        failed.ShouldAllBe(p => p.LatencyMs >= 4995 && p.LatencyMs <= 5015);
    }

    [Fact]
    public void A_clean_step_has_no_failed_curve_and_an_interval_has_no_distribution()
    {
        var recorder = new StepRecorder("clean", Frequency);
        recorder.Record(Ms(3), Response.Ok());
        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);

        var distribution = accumulator.ToResult("clean", TimeSpan.FromSeconds(1), withDistribution: true).Distribution!;
        distribution.Ok.Count.ShouldBe(1);
        distribution.Ok[0].LatencyMs.ShouldBe(3, 0.01);
        distribution.Failed.ShouldBeEmpty();
        accumulator.ToResult("clean", TimeSpan.FromSeconds(1)).Distribution.ShouldBeNull();
    }

    [Fact]
    public async Task A_run_carries_each_steps_curves_in_its_result_with_failed_calls_apart()
    {
        var scenario = Scenario.Create("curves", ctx => Step.Run("call", ctx, () =>
                new ValueTask<Response>(ctx.InvocationNumber % 4 == 0 ? Response.Fail("500") : Response.Ok())))
            .WithLoadSimulations(Simulation.IterationsForConstant(2, 200));

        var result = await LoadTest.Create("curves").WithScenarios(scenario).RunAsync();

        var step = result.Scenarios[0].Steps[0];
        step.FailCount.ShouldBe(50);
        step.Distribution.ShouldNotBeNull();
        step.Distribution.Ok.ShouldNotBeEmpty();
        step.Distribution.Failed.ShouldNotBeEmpty();
        result.Scenarios[0].Total.Distribution!.Failed.ShouldNotBeEmpty();
        result.Intervals.ShouldAllBe(i => i.Scenarios[0].Steps.All(s => s.Distribution == null));
    }
}
