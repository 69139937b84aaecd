namespace UnitTrustLoad.Reporting.Writing;

/// <summary>Writes one report file of a run folder.</summary>
internal interface IReportWriter
{
    /// <summary>The file's name within the run folder.</summary>
    string FileName { get; }

    /// <summary>
    /// Writes the report to <paramref name="stream"/>, streaming rather than building it in memory.
    /// <paramref name="folder"/> is the run folder the file goes to (for links to files beside it).
    /// </summary>
    Task WriteAsync(ReportContext context, string folder, Stream stream, CancellationToken cancellationToken);
}
