using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Console;

/// <summary>
/// A live Spectre.Console view for a terminal: drawn at once and redrawn every second, a progress bar of elapsed
/// against planned time, and per step the latest interval's rate and percentiles (labelled "last 5 s") beside the
/// run's totals of calls, failures and status codes (labelled "total").
/// </summary>
internal sealed class LiveProgressSink(IAnsiConsole console, TimeProvider time) : IReportingSink, IDisposable
{
    /// <summary>How often the view is redrawn, whatever the reporting interval.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private const int BarWidth = 40;

    private readonly ProgressModel _model = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _live;
    private long _startedAt;

    public string Name => "live console";

    public Task StartAsync(RunInfo info, CancellationToken cancellationToken)
    {
        _model.Start(info);
        _startedAt = time.GetTimestamp();
        _live = console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            context.Refresh();
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Refresh, time, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                context.UpdateTarget(Render());
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

    private Rows Render() => new(new Markup(Progress()), Table());

    /// <summary>"journey  ████████░░░░ 70%  elapsed 00:00:07  remaining 00:00:03", or no bar when the run is iteration-bounded.</summary>
    private string Progress()
    {
        var elapsed = time.GetElapsedTime(_startedAt);
        var name = $"[bold]{Markup.Escape(_model.Info?.TestName ?? "")}[/]";
        var clock = $"elapsed {elapsed:hh\\:mm\\:ss}";
        if (_model.Info?.PlannedDuration is not { } planned || planned <= TimeSpan.Zero)
        {
            return $"{name}  {clock}";
        }

        var fraction = Math.Clamp(elapsed / planned, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var remaining = planned > elapsed ? planned - elapsed : TimeSpan.Zero;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}  [green]{new string('█', filled)}[/][grey]{new string('░', BarWidth - filled)}[/] {fraction * 100,3:0}%  {clock}  remaining {remaining:hh\\:mm\\:ss}");
    }

    private Table Table()
    {
        var last = _model.IntervalLabel;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("step");
        table.AddColumn("active\n[dim]now[/]");
        foreach (var figure in (string[])["rps", "p50 ms", "p95 ms", "p99 ms"])
        {
            table.AddColumn($"{figure}\n[dim]{last}[/]");
        }

        foreach (var figure in (string[])["ok", "failed", "status codes"])
        {
            table.AddColumn($"{figure}\n[dim]total[/]");
        }

        foreach (var row in _model.Rows())
        {
            table.AddRow(RowCells(row));
        }

        return table;
    }

    private static IRenderable[] RowCells(ProgressRow row)
    {
        static string Figure(ProgressRow row, double value) => row.Reported ? value.ToString("F1", CultureInfo.InvariantCulture) : "-";
        string[] cells =
        [
            Markup.Escape(row.Name),
            row.Active?.ToString(CultureInfo.InvariantCulture) ?? "",
            Figure(row, row.Rps),
            Figure(row, row.Latency.P50Ms),
            Figure(row, row.Latency.P95Ms),
            Figure(row, row.Latency.P99Ms),
            row.Ok.ToString(CultureInfo.InvariantCulture),
            row.Fail == 0 ? "0" : $"[red]{row.Fail.ToString(CultureInfo.InvariantCulture)}[/]",
            Markup.Escape(row.CodesText()),
        ];
        var renderables = new IRenderable[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            renderables[i] = new Markup(cells[i]);
        }

        return renderables;
    }
}
