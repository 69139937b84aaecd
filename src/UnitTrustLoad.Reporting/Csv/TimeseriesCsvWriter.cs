using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Csv;

/// <summary>Writes timeseries.csv.</summary>
internal sealed class TimeseriesCsvWriter : TextReportWriter
{
    public override string FileName => "timeseries.csv";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteLineAsync(context.Result.TestName);
}
