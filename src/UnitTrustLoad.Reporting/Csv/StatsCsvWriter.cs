using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Csv;

/// <summary>Writes stats.csv.</summary>
internal sealed class StatsCsvWriter : TextReportWriter
{
    public override string FileName => "stats.csv";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteLineAsync(context.Result.TestName);
}
