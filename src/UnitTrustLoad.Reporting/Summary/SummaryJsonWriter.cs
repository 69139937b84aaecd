using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>Writes summary.json.</summary>
internal sealed class SummaryJsonWriter : IReportWriter
{
    public string FileName => RunSummary.FileName;

    public Task WriteAsync(ReportContext context, string folder, Stream stream, CancellationToken cancellationToken) =>
        RunSummary.From(context).WriteAsync(stream, cancellationToken);
}
