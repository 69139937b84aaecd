using System.Collections.Concurrent;
using CsvHelper;

namespace UnitTrustLoad.Investors;

/// <summary>
/// investors.csv, streamed: one row per registered investor as its iteration ends, nothing kept in memory. Flushed every
/// reporting interval and closed (flushed) at the end, also after Ctrl+C. Rows are queued without a lock and written
/// by whichever caller finds the writer free: virtual users never wait on each other here (a plain lock around
/// CsvHelper made them queue and sleep, an eighth of the generator's CPU under load). Rows queued while another caller
/// writes are picked up by the next write, the interval flush or the close. Iterations that may still write a row
/// are counted (<see cref="Enter"/>, <see cref="Exit"/>) so the run can wait for them before closing the file.
/// </summary>
internal sealed class InvestorsCsv : IAsyncDisposable
{
    public const string FileName = "investors.csv";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<InvestorRecord> _pending = new();
    private CsvWriter? _csv;
    private long _rows;
    private long _inFlight;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Iterations that may still write a row.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>An iteration that may write a row has begun.</summary>
    public void Enter() => Interlocked.Increment(ref _inFlight);

    /// <summary>That iteration has written its row, or will write none.</summary>
    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public void Open(string folder)
    {
        _csv = CsvWriter.ToFile(Path.Combine(folder, FileName), null, FileOptions.None);
        _csv.WriteHeader<InvestorRecord>();
    }

    public void Write(InvestorRecord row)
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
