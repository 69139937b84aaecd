using CsvHelper;

namespace UnitTrustLoad.Ledger;

/// <summary>consistency.csv: one row per balance that disagreed with the ledger, written as it happens.</summary>
internal sealed class ConsistencyLog : IAsyncDisposable
{
    public const string FileName = "consistency.csv";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private CsvWriter? _csv;

    public ConsistencyLog(TimeProvider time) => _time = time;

    public void Open(string folder)
    {
        _csv = CsvWriter.ToFile(Path.Combine(folder, FileName), null, FileOptions.None);
        _csv.WriteHeader<ConsistencyViolation>();
    }

    public void Write(string source, string clientIdentifier, string fund, decimal expected, decimal reported)
    {
        var row = new ConsistencyViolation(_time.GetUtcNow(), source, clientIdentifier, fund, expected, reported, reported - expected);
        lock (_gate)
        {
            if (_csv is null)
            {
                return;
            }

            _csv.WriteRecord(row);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _csv?.Flush();
        }
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

/// <summary>A row of consistency.csv.</summary>
[CsvRecord]
internal sealed partial record ConsistencyViolation(
    DateTimeOffset TimeUtc,
    string Source,
    string ClientIdentifier,
    string Fund,
    decimal ExpectedUnits,
    decimal ReportedUnits,
    decimal Difference);
