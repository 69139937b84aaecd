namespace UnitTrustLoad.Reporting.Writing;

/// <summary>Writes one report file of a run folder.</summary>
internal interface IReportWriter
{
    /// <summary>The file's name within the run folder.</summary>
    string FileName { get; }

    /// <summary>Writes the report to <paramref name="stream"/>, streaming rather than building it in memory.</summary>
    Task WriteAsync(ReportContext context, Stream stream, CancellationToken cancellationToken);
}
