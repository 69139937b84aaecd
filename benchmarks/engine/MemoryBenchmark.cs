using System.Diagnostics;
using System.Globalization;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Benchmarks;

/// <summary>Resident memory of 10,000 closed-model virtual users each awaiting a 1 s delay, sampled every 30 s.</summary>
internal static class MemoryBenchmark
{
    public static async Task RunAsync(double minutes)
    {
        var during = TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(5);
        var scenario = Scenario.Create("sleepers", static async ctx =>
        {
            await Task.Delay(1000, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(10_000, during));
        var test = LoadTest.Create("memory").WithScenarios(scenario);

        long start = Stopwatch.GetTimestamp();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(start, sampling.Token);
        var result = await test.RunAsync();
        await sampling.CancelAsync();
        await sampler;
        var total = result.Scenarios[0].Total;
        Console.WriteLine(
            $"memory: done after {result.Duration.TotalSeconds:F0}s iterations={total.Count:N0} rps={total.Rps:F0} "
            + $"p50={total.Latency.P50Ms:F1}ms p99={total.Latency.P99Ms:F1}ms intervals={result.Intervals.Count}");
    }

    private static async Task SampleAsync(long start, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"memory: t={elapsed.TotalMinutes:F1}min rss={ResidentMegabytes():F1}MB managed={GC.GetTotalMemory(false) / 1048576.0:F1}MB gen2={GC.CollectionCount(2)}"));
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private static double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
