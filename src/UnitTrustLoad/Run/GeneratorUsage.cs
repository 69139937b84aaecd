using System.Diagnostics;
using System.Globalization;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Run;

/// <summary>
/// What the load phase cost this process: CPU, bytes allocated, collections, peak memory, per request. A generator
/// that is short of CPU or stalls in GC distorts the latencies it reports, so every report says how hard it worked.
/// With the embedded simulator the figures include the simulator's share (it runs in this process).
/// </summary>
internal sealed class GeneratorUsage
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly TimeSpan _paused;

    private GeneratorUsage()
    {
        _cpu = Environment.CpuUsage.TotalTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
        _paused = GC.GetTotalPauseDuration();
    }

    public static GeneratorUsage Start() => new();

    /// <summary>The usage since <see cref="Start"/> as report settings, per request (every step) of <paramref name="result"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(RunResult result, bool embeddedSimulator)
    {
        var cpu = Environment.CpuUsage.TotalTime - _cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        var paused = GC.GetTotalPauseDuration() - _paused;
        var requests = Requests(result);
        var seconds = result.Duration.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        var peakMiB = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        var note = embeddedSimulator ? " (this process, embedded simulator included)" : "";
        var perRequest = requests > 0;
        return
        [
            new("generator CPU", string.Create(CultureInfo.InvariantCulture,
                $"{cpu.TotalSeconds:0.0} s over {seconds:0.0} s ({(seconds > 0 ? cpu.TotalSeconds / seconds : 0):0.00} cores){(perRequest ? $", {cpu.TotalMicroseconds / requests:0.0} µs per request" : "")}{note}")),
            new("generator memory", string.Create(CultureInfo.InvariantCulture,
                $"peak working set {peakMiB:0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0):0} MiB at the end")),
            new("generator GC", string.Create(CultureInfo.InvariantCulture,
                $"{allocated / (1024.0 * 1024.0):N0} MiB{(perRequest ? $", {allocated / (double)requests:N0} B per request" : "")}; collections gen0 {GC.CollectionCount(0) - _gen0}, gen1 {GC.CollectionCount(1) - _gen1}, gen2 {GC.CollectionCount(2) - _gen2}; paused {paused.TotalMilliseconds:N0} ms ({(seconds > 0 ? 100 * paused.TotalSeconds / seconds : 0):0.00} %)")),
        ];
    }

    // Requests are the steps' calls; a scenario without steps counts its iterations.
    private static long Requests(RunResult result)
    {
        long requests = 0;
        foreach (var scenario in result.Scenarios)
        {
            if (scenario.Steps.Count == 0)
            {
                requests += scenario.Total.Count;
                continue;
            }

            foreach (var step in scenario.Steps)
            {
                requests += step.Count;
            }
        }

        return requests;
    }
}
