using System.Collections.Concurrent;
using System.Threading.Channels;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Sinks;

/// <summary>
/// Feeds each sink from its own queue on its own task, so a slow or failing sink never holds up the load, the
/// interval timer or the other sinks. Failures become <see cref="SinkError"/> entries.
/// </summary>
internal sealed class SinkDispatcher
{
    /// <summary>How long the run waits for a sink's start, for the queues to drain at the end, and for a final call.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<IReportingSink> _sinks;
    private readonly Channel<IntervalStats>[] _queues;
    private readonly Task[] _pumps;
    private readonly ConcurrentQueue<SinkError> _errors = new();
    private readonly CancellationToken _cancellationToken;

    public SinkDispatcher(IReadOnlyList<IReportingSink> sinks, CancellationToken cancellationToken)
    {
        _sinks = sinks;
        _cancellationToken = cancellationToken;
        _queues = new Channel<IntervalStats>[sinks.Count];
        _pumps = new Task[sinks.Count];
    }

    public IReadOnlyList<SinkError> Errors => [.. _errors];

    public async Task StartAsync(RunInfo info)
    {
        for (int i = 0; i < _sinks.Count; i++)
        {
            var sink = _sinks[i];
            var call = CallAsync(sink, "start", () => sink.StartAsync(info, _cancellationToken));
            if (await Task.WhenAny(call, Task.Delay(DrainLimit)).ConfigureAwait(false) != call)
            {
                _errors.Enqueue(new SinkError(SafeName(sink), "start", $"did not finish within {DrainLimit.TotalSeconds:0} s; the run started without waiting for it"));
            }

            _queues[i] = Channel.CreateUnbounded<IntervalStats>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _pumps[i] = PumpAsync(sink, _queues[i].Reader);
        }
    }

    public void ReportInterval(IntervalStats interval)
    {
        foreach (var queue in _queues)
        {
            queue?.Writer.TryWrite(interval);
        }
    }

    /// <summary>Lets every queue drain, then gives each sink the final result.</summary>
    public async Task FinishAsync(RunResult result)
    {
        foreach (var queue in _queues)
        {
            queue?.Writer.TryComplete();
        }

        var pumps = Array.FindAll(_pumps, p => p is not null);
        await Task.WhenAny(Task.WhenAll(pumps), Task.Delay(DrainLimit)).ConfigureAwait(false);
        for (int i = 0; i < _sinks.Count; i++)
        {
            var sink = _sinks[i];
            if (_pumps[i] is { IsCompleted: false })
            {
                _errors.Enqueue(new SinkError(SafeName(sink), "interval", $"still busy after {DrainLimit.TotalSeconds:0} s; later intervals were not delivered"));
                continue;
            }

            var call = CallAsync(sink, "final", () => sink.ReportFinalAsync(result, _cancellationToken));
            if (await Task.WhenAny(call, Task.Delay(DrainLimit)).ConfigureAwait(false) != call)
            {
                _errors.Enqueue(new SinkError(SafeName(sink), "final", $"did not finish within {DrainLimit.TotalSeconds:0} s"));
            }
        }
    }

    private static string SafeName(IReportingSink sink)
    {
        try
        {
            return sink.Name;
        }
        catch (Exception)
        {
            return sink.GetType().Name;
        }
    }

    private async Task PumpAsync(IReportingSink sink, ChannelReader<IntervalStats> reader)
    {
        await Task.Yield();
        await foreach (var interval in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await CallAsync(sink, "interval", () => sink.ReportIntervalAsync(interval, _cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task CallAsync(IReportingSink sink, string phase, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _errors.Enqueue(new SinkError(SafeName(sink), phase, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }
}
