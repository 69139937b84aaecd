using System.Diagnostics;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Statistics;

namespace UnitTrustLoad.Engine.Tests.Statistics;

public sealed class StepRecorderTests
{
    private static readonly long Frequency = Stopwatch.Frequency;

    private static long Ms(double ms) => (long)(ms * Frequency / 1000.0);

    [Fact]
    public void Percentiles_of_a_uniform_1_to_1000_ms_distribution_are_exact_to_histogram_precision()
    {
        var recorder = new StepRecorder("uniform", Frequency);
        for (int ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(Ms(ms), Response.Ok());
        }

        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        var latency = accumulator.ToResult("uniform", TimeSpan.FromSeconds(1)).Latency;

        // 3 significant digits: each value is within 0.1 % of the true one.
        latency.P50Ms.ShouldBe(500, 0.5);
        latency.P75Ms.ShouldBe(750, 0.75);
        latency.P95Ms.ShouldBe(950, 0.95);
        latency.P99Ms.ShouldBe(990, 0.99);
        latency.P999Ms.ShouldBe(999, 1.0);
        latency.MinMs.ShouldBe(1, 0.001);
        latency.MaxMs.ShouldBe(1000, 1.0);
        latency.MeanMs.ShouldBe(500.5, 0.5);
        latency.StdDevMs.ShouldBe(288.67, 0.5);
    }

    [Fact]
    public void Percentiles_of_a_bimodal_distribution_land_on_the_right_mode()
    {
        var recorder = new StepRecorder("bimodal", Frequency);
        for (int i = 0; i < 9_000; i++)
        {
            recorder.Record(Ms(10), Response.Ok());
        }

        for (int i = 0; i < 1_000; i++)
        {
            recorder.Record(Ms(2_000), Response.Ok());
        }

        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        var latency = accumulator.ToResult("bimodal", TimeSpan.FromSeconds(10)).Latency;
        latency.P50Ms.ShouldBe(10, 0.01);
        latency.P75Ms.ShouldBe(10, 0.01);
        latency.P95Ms.ShouldBe(2000, 2);
        latency.P99Ms.ShouldBe(2000, 2);
        latency.MeanMs.ShouldBe(209, 0.5);
    }

    [Fact]
    public void Counts_ok_fail_status_codes_and_bytes_and_rps_over_the_span()
    {
        var recorder = new StepRecorder("mixed", Frequency);
        recorder.Record(Ms(5), Response.Ok("200", bytesSent: 10, bytesReceived: 100));
        recorder.Record(Ms(5), Response.Ok("201", bytesSent: 20, bytesReceived: 200));
        recorder.Record(Ms(5), Response.Fail("500", "boom", bytesSent: 30, bytesReceived: 5));
        recorder.Record(Ms(5), Response.Fail("timeout"));

        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        var result = accumulator.ToResult("mixed", TimeSpan.FromSeconds(2));

        result.OkCount.ShouldBe(2);
        result.FailCount.ShouldBe(2);
        result.Rps.ShouldBe(2.0);
        result.BytesSent.ShouldBe(60);
        result.BytesReceived.ShouldBe(305);
        result.StatusCodes.ShouldBe(new Dictionary<string, long> { ["200"] = 1, ["201"] = 1, ["500"] = 1, ["timeout"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public void A_drain_starts_the_next_interval_empty_and_the_overall_is_the_sum_of_intervals()
    {
        var recorder = new StepRecorder("s", Frequency);
        var overall = new StepAccumulator();
        var interval = new StepAccumulator();
        for (int round = 1; round <= 3; round++)
        {
            for (int i = 0; i < round * 100; i++)
            {
                recorder.Record(Ms(round), Response.Ok());
            }

            interval.Reset();
            recorder.DrainInto(interval);
            interval.Count.ShouldBe(round * 100);
            overall.Add(interval);
        }

        overall.Count.ShouldBe(600);
        overall.ToResult("s", TimeSpan.FromSeconds(1)).StatusCodes["200"].ShouldBe(600);
        overall.Histogram.TotalCount.ShouldBe(600);
    }

    [Fact]
    public void Recording_from_many_threads_while_draining_loses_nothing()
    {
        var recorder = new StepRecorder("threads", Frequency);
        var total = new StepAccumulator();
        const int PerThread = 200_000;
        using var done = new CountdownEvent(4);
        for (int t = 0; t < 4; t++)
        {
            new Thread(() =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    recorder.Record(Ms(1), Response.Ok());
                }

                done.Signal();
            }).Start();
        }

        while (!done.Wait(1))
        {
            recorder.DrainInto(total);
        }

        recorder.DrainInto(total);
        total.Count.ShouldBe(4 * PerThread);
        total.Histogram.TotalCount.ShouldBe(4 * PerThread);
    }

    [Fact]
    public void Status_codes_beyond_the_cap_are_counted_under_other_so_memory_stays_flat()
    {
        var recorder = new StepRecorder("codes", Frequency);
        for (int i = 0; i < 10_000; i++)
        {
            recorder.Record(Ms(1), Response.Fail($"error {i}"));
        }

        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        var codes = accumulator.ToResult("codes", TimeSpan.FromSeconds(1)).StatusCodes;
        codes.Count.ShouldBe(StatsStripe.MaxStatusCodes + 1);
        codes[StatsStripe.OtherStatusCodes].ShouldBe(10_000 - StatsStripe.MaxStatusCodes);
        codes.Values.Sum().ShouldBe(10_000);
    }

    [Fact]
    public void Latencies_beyond_an_hour_are_clamped_not_lost()
    {
        var recorder = new StepRecorder("slow", Frequency);
        recorder.Record(Frequency * 7200, Response.Ok());
        var accumulator = new StepAccumulator();
        recorder.DrainInto(accumulator);
        accumulator.Count.ShouldBe(1);
        accumulator.ToResult("slow", TimeSpan.FromHours(2)).Latency.MaxMs.ShouldBe(3_600_000, 3_600);
    }
}
