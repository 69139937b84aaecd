using System.Globalization;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Console;

/// <summary>Plain lines every reporting interval, for CI logs and redirected output.</summary>
internal sealed class PlainProgressSink(TextWriter output) : IReportingSink
{
    private readonly ProgressModel _model = new();

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
        var planned = _model.Info?.PlannedDuration;
        var remaining = planned is { } p && p > _model.Elapsed ? $" remaining {p - _model.Elapsed:hh\\:mm\\:ss}" : "";
        output.WriteLine($"[{_model.Elapsed:hh\\:mm\\:ss}{remaining}]");
        foreach (var row in _model.Rows())
        {
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
