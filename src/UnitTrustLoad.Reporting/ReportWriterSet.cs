using UnitTrustLoad.Reporting.Csv;
using UnitTrustLoad.Reporting.Html;
using UnitTrustLoad.Reporting.JUnit;
using UnitTrustLoad.Reporting.Text;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>The report writers of a run folder. Each is independent: one failing is reported and the others still write.</summary>
public sealed class ReportWriterSet
{
    private readonly IReadOnlyList<IReportWriter> _writers;

    internal ReportWriterSet(IReadOnlyList<IReportWriter> writers) => _writers = writers;

    /// <summary>report.html, summary.txt, summary.md, summary.json, stats.csv, timeseries.csv and junit.xml.</summary>
    public static ReportWriterSet Default { get; } = new(
    [
        new HtmlReportWriter(),
        new TextSummaryWriter(),
        new MarkdownSummaryWriter(),
        new SummaryJsonWriter(),
        new StatsCsvWriter(),
        new TimeseriesCsvWriter(),
        new JUnitWriter(),
    ]);

    /// <summary>The default writers of the given file names only (for example to rewrite one report).</summary>
    public static ReportWriterSet Only(params string[] fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var writers = new List<IReportWriter>();
        foreach (var writer in Default._writers)
        {
            if (Array.IndexOf(fileNames, writer.FileName) >= 0)
            {
                writers.Add(writer);
            }
        }

        return new ReportWriterSet(writers);
    }

    /// <summary>The file names this set writes, in order.</summary>
    public IReadOnlyList<string> FileNames
    {
        get
        {
            var names = new string[_writers.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = _writers[i].FileName;
            }

            return names;
        }
    }

    /// <summary>
    /// Writes every report into <paramref name="folder"/> (created when missing). Each file is written to a temporary
    /// name and moved into place, so a half-written report never looks complete. Returns the reports that failed.
    /// Cancelling skips the reports not yet written: pass a token of its own, not the run's stop token, since an
    /// interrupted run (Ctrl+C) still needs its reports.
    /// </summary>
    public async Task<IReadOnlyList<ReportFailure>> WriteAllAsync(ReportContext context, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var failures = new List<ReportFailure>();
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            foreach (var writer in _writers)
            {
                failures.Add(new ReportFailure(writer.FileName, $"The report folder '{folder}' could not be created: {e.Message}"));
            }

            return failures;
        }

        foreach (var writer in _writers)
        {
            var failure = await WriteOneAsync(writer, context, folder, cancellationToken);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }

    private static async Task<ReportFailure?> WriteOneAsync(IReportWriter writer, ReportContext context, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, writer.FileName);
        var temporary = Path.Combine(folder, $".{writer.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await writer.WriteAsync(context, folder, stream, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            return null;
        }
#pragma warning disable CA1031 // A report writer's bug must not cost the other reports; the failure is returned to the caller.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TryDelete(temporary);
            var message = e switch
            {
                OperationCanceledException => "Cancelled before it was written.",
                IOException or UnauthorizedAccessException => $"Could not write '{target}': {e.Message}",
                _ => $"The {writer.FileName} writer failed ({e.GetType().Name}): {e.Message}",
            };
            return new ReportFailure(writer.FileName, message);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is hidden and harmless; the write failure itself is what gets reported.
        }
    }
}
