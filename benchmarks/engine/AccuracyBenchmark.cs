using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Benchmarks;

/// <summary>Open-model accuracy: started count against the intended count, and the lag of each start behind its intended time.</summary>
internal static class AccuracyBenchmark
{
    public static async Task RunAsync(int seconds)
    {
        foreach (int rate in (int[])[1_000, 20_000])
        {
            var scenario = Scenario.Create("inject", static ctx => new ValueTask<Response>(Response.Ok()))
                .WithLoadSimulations(Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds)));
            var test = LoadTest.Create("accuracy").WithScenarios(scenario);
            using var run = new LoadTestRun(test);
            var result = await run.RunAsync(CancellationToken.None);

            long intended = (long)rate * seconds;
            var stats = result.Scenarios[0];
            long started = stats.Total.Count;
            var lag = run.Scenarios[0].StartLagOverall.ToResult("lag", result.Duration).Latency;
            double deviation = 100.0 * (started - intended) / intended;
            Console.WriteLine(
                $"inject rate={rate}/s during={seconds}s intended={intended:N0} started={started:N0} dropped={stats.DroppedIterations:N0} "
                + $"deviation={deviation:F3}% lag p50={lag.P50Ms:F3}ms p99={lag.P99Ms:F3}ms p99.9={lag.P999Ms:F3}ms max={lag.MaxMs:F3}ms");
        }
    }
}
