using UnitTrustLoad.Api;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Sinks;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Run;

/// <summary>
/// The suite's own files in the run folder: investors.csv, consistency.csv and failures.log. Made before any traffic
/// (so the API client and the ledger get them at construction), opened once the folder exists, flushed every reporting
/// interval through the engine's sink hook, and closed before the reports are written so the report sees them whole.
/// </summary>
internal sealed class RunFiles(int failureSamplesPerStatus, TimeProvider time, IEnumerable<string> secrets) : IReportingSink, IAsyncDisposable
{
    /// <summary>The files, by name, as the reports link them.</summary>
    public static IReadOnlyList<string> Names { get; } = [InvestorsCsv.FileName, ConsistencyLog.FileName, FailureLog.FileName];

    public InvestorsCsv Investors { get; } = new();

    public ConsistencyLog Consistency { get; } = new(time);

    public FailureLog Failures { get; } = new(failureSamplesPerStatus, time, secrets);

    /// <summary>The run folder, once <see cref="Open"/> made it.</summary>
    public string? Folder { get; private set; }

    string IReportingSink.Name => "run files";

    public void Open(string folder)
    {
        Folder = folder;
        Investors.Open(folder);
        Consistency.Open(folder);
        Failures.Open(folder);
    }

    /// <summary>
    /// Iterations cut off by the stop still write their investor row in a finally; waits for them (at most
    /// <paramref name="budget"/>) before the files are closed.
    /// </summary>
    public async Task DrainAsync(TimeSpan budget)
    {
        var deadline = time.GetTimestamp() + (long)(time.TimestampFrequency * budget.TotalSeconds);
        while (Investors.InFlight > 0 && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time);
        }
    }

    /// <summary>Removes the run folder when nothing was written to it (the test could not start).</summary>
    public void RemoveIfEmpty()
    {
        if (Folder is null || Investors.Rows > 0)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Leaving an empty run folder behind is harmless.
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

    /// <summary>Closes every file; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await Investors.DisposeAsync();
        await Consistency.DisposeAsync();
        await Failures.DisposeAsync();
    }

    private void Flush()
    {
        Investors.Flush();
        Consistency.Flush();
        Failures.Flush();
    }
}
