using System.Globalization;
using Spectre.Console;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Console;

/// <summary>A live Spectre.Console table (elapsed, remaining, per step rate, counts, percentiles, codes) for a terminal.</summary>
internal sealed class LiveProgressSink(IAnsiConsole console, TimeProvider time) : IReportingSink, IDisposable
{
    private readonly ProgressModel _model = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _live;
    private long _startedAt;

    public string Name => "live console";

    public Task StartAsync(RunInfo info, CancellationToken cancellationToken)
    {
        _model.Start(info);
        _startedAt = time.GetTimestamp();
        var table = Render();
        _live = console.Live(table).AutoClear(false).StartAsync(async context =>
        {
            while (!_stop.IsCancellationRequested)
            {
                context.UpdateTarget(Render());
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), time, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            context.UpdateTarget(Render());
        });
        return Task.CompletedTask;
    }

    public Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken)
    {
        _model.Add(interval);
        return Task.CompletedTask;
    }

    public async Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_live is not null)
        {
            await _live;
        }
    }

    public void Dispose() => _stop.Dispose();

    private Table Render()
    {
        var elapsed = time.GetElapsedTime(_startedAt);
        var planned = _model.Info?.PlannedDuration;
        var remaining = planned is { } p && p > elapsed ? (p - elapsed).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "-";
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(_model.Info?.TestName ?? "")}[/]  elapsed {elapsed:hh\\:mm\\:ss}  remaining {remaining}");
        table.AddColumns("step", "active", "rps", "ok", "failed", "p50 ms", "p95 ms", "p99 ms", "status codes");
        foreach (var row in _model.Rows())
        {
            table.AddRow(
                Markup.Escape(row.Name),
                row.Active?.ToString(CultureInfo.InvariantCulture) ?? "",
                row.Rps.ToString("F1", CultureInfo.InvariantCulture),
                row.Ok.ToString(CultureInfo.InvariantCulture),
                row.Fail == 0 ? "0" : $"[red]{row.Fail.ToString(CultureInfo.InvariantCulture)}[/]",
                row.Latency.P50Ms.ToString("F1", CultureInfo.InvariantCulture),
                row.Latency.P95Ms.ToString("F1", CultureInfo.InvariantCulture),
                row.Latency.P99Ms.ToString("F1", CultureInfo.InvariantCulture),
                Markup.Escape(row.CodesText()));
        }

        return table;
    }
}
