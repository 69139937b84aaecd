using System.Diagnostics;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Benchmarks;

/// <summary>Engine overhead: a scenario that records one step and does nothing else, closed model, fixed iterations.</summary>
internal static class OverheadBenchmark
{
    public static async Task RunAsync()
    {
        Console.WriteLine($"overhead: processors visible {Environment.ProcessorCount}");
        foreach (int copies in (int[])[1, 2])
        {
            // A first short run warms the JIT (tiered compilation) so the measured runs see optimised code.
            await MeasureAsync(copies, 2_000_000, print: false);
            long small = await MeasureAsync(copies, 2_000_000, print: true);
            long large = 0;
            for (int round = 0; round < 3; round++)
            {
                large = await MeasureAsync(copies, 10_000_000, print: true);
            }

            // Per-run costs (histograms, result) cancel out; what is left is what one more iteration allocates.
            Console.WriteLine($"copies={copies} marginal allocation: {(large - small) / 8_000_000.0:F4} B/iteration");
        }
    }

    private static async Task<long> MeasureAsync(int copies, long iterations, bool print)
    {
        var scenario = Scenario.Create("empty", static ctx => Step.Run("step", ctx, static () => new ValueTask<Response>(Response.Ok())))
            .WithLoadSimulations(Simulation.IterationsForConstant(copies, iterations));
        var test = LoadTest.Create("overhead").WithScenarios(scenario).WithReportingInterval(TimeSpan.FromSeconds(1));

        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        var result = await test.RunAsync();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        long total = result.Scenarios[0].Total.Count;
        long steps = result.Scenarios[0].Steps[0].Count;
        if (total != iterations || steps != iterations)
        {
            throw new InvalidOperationException($"expected {iterations} iterations and steps, got {total} and {steps}");
        }

        if (print)
        {
            Console.WriteLine(
                $"copies={copies} iterations={iterations:N0} wall={elapsed.TotalSeconds:F2}s cpu={cpu.TotalSeconds:F2}s "
                + $"iter/s(wall)={iterations / elapsed.TotalSeconds:N0} iter/s(per cpu-second)={iterations / cpu.TotalSeconds:N0} "
                + $"allocated={allocated:N0} B ({(double)allocated / iterations:F3} B/iteration, whole run incl. result and histograms)");
        }

        return allocated;
    }
}
