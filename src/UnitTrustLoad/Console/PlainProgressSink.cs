using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Console;

/// <summary>
/// Plain lines for CI logs and redirected output: a block at most every <see cref="PrintEvery"/> of run time (every
/// interval when intervals are longer), saying which figures are the latest interval's and which are totals.
/// </summary>
internal sealed class PlainProgressSink(TextWriter output) : IReportingSink
{
    /// <summary>The shortest run time between two blocks: a short run's fine intervals would flood a log otherwise.</summary>
    public static readonly TimeSpan PrintEvery = TimeSpan.FromSeconds(5);

    private readonly ProgressModel _model = new();
    private TimeSpan _printedAt;

    public string Name => "console";

    public Task StartAsync(RunInfo info, CancellationToken cancellationToken)
    {
        _model.Start(info);
        var planned = info.PlannedDuration is { } d ? $", planned {d:hh\\:mm\\:ss}" : "";
        output.WriteLine($"Running '{info.TestName}'{planned}:");
        foreach (var scenario in info.Scenarios)
        {
            output.WriteLine($"  {scenario.Name}: {string.Join(", then ", scenario.LoadSimulations)}");
        }

        return Task.CompletedTask;
    }

    public Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken)
    {
        _model.Add(interval);
        var every = _model.Info is { } info && info.ReportingInterval > PrintEvery ? info.ReportingInterval : PrintEvery;

        // A hair of slack, so 20 intervals of 250 ms make a block at 5 s whatever the rounding of their ends.
        if (_model.Elapsed - _printedAt < every - TimeSpan.FromMilliseconds(1))
        {
            return Task.CompletedTask;
        }

        _printedAt = _model.Elapsed;
        var planned = _model.Info?.PlannedDuration;
        var remaining = planned is { } p && p > _model.Elapsed ? $" remaining {p - _model.Elapsed:hh\\:mm\\:ss}" : "";
        output.WriteLine($"[{_model.Elapsed:hh\\:mm\\:ss}{remaining}] rps and p50/p95/p99: {_model.IntervalLabel}; ok, fail and codes: totals");
        foreach (var row in _model.Rows())
        {
            if (!row.Reported)
            {
                continue;
            }

            var active = row.Active is { } a ? string.Create(CultureInfo.InvariantCulture, $" active={a}") : "";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {row.Name,-22} ok={row.Ok} fail={row.Fail} rps={row.Rps:F1} p50={row.Latency.P50Ms:F1} p95={row.Latency.P95Ms:F1} p99={row.Latency.P99Ms:F1} ms{active} codes {row.CodesText()}"));
        }

        output.Flush();
        return Task.CompletedTask;
    }

    public Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken) => Task.CompletedTask;
}
