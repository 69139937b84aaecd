using System.Collections.Concurrent;
using CsvHelper;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Output;

/// <summary>
/// investors.csv, streamed: one row per registered investor as its iteration ends, nothing kept in memory. Flushed every
/// reporting interval and closed (flushed) at the end, also after Ctrl+C. Rows are queued without a lock and written
/// by whichever caller finds the writer free: virtual users never wait on each other here (a plain lock around
/// CsvHelper made them queue and sleep, an eighth of the generator's CPU under load). Rows queued while another caller
/// writes are picked up by the next write, the interval flush or the close.
/// </summary>
internal sealed class InvestorCsvSink : IReportingSink, IAsyncDisposable
{
    public const string FileName = "investors.csv";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<InvestorOutcome> _pending = new();
    private CsvWriter? _csv;
    private long _rows;

    public string Name => "investors.csv";

    public long Rows => Interlocked.Read(ref _rows);

    public void Open(string folder)
    {
        _csv = CsvWriter.ToFile(Path.Combine(folder, FileName), null, FileOptions.None);
        _csv.WriteHeader<InvestorOutcome>();
    }

    public void Write(InvestorOutcome row)
    {
        if (Volatile.Read(ref _csv) is null)
        {
            return;
        }

        _pending.Enqueue(row);
        if (_gate.TryEnter())
        {
            try
            {
                Drain();
            }
            finally
            {
                _gate.Exit();
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            Drain();
            _csv?.Flush();
        }
    }

    public Task StartAsync(RunInfo info, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        CsvWriter? csv;
        lock (_gate)
        {
            Drain();
            csv = _csv;
            _csv = null;
        }

        if (csv is not null)
        {
            await csv.DisposeAsync();
        }
    }

    // Called under _gate.
    private void Drain()
    {
        while (_csv is not null && _pending.TryDequeue(out var row))
        {
            _csv.WriteRecord(row);
            Interlocked.Increment(ref _rows);
        }
    }
}
