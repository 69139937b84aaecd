using CsvHelper;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;

namespace UnitTrustLoad.Output;

/// <summary>
/// investors.csv, streamed: one row per registered investor as its iteration ends, nothing kept in memory. Flushed every
/// reporting interval and closed (flushed) at the end, also after Ctrl+C.
/// </summary>
internal sealed class InvestorCsvSink : IReportingSink, IAsyncDisposable
{
    public const string FileName = "investors.csv";

    private readonly Lock _gate = new();
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
        lock (_gate)
        {
            if (_csv is null)
            {
                return;
            }

            _csv.WriteRecord(row);
            _rows++;
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
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
            csv = _csv;
            _csv = null;
        }

        if (csv is not null)
        {
            await csv.DisposeAsync();
        }
    }
}
