using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>Writes summary.txt.</summary>
internal sealed class TextSummaryWriter : TextReportWriter
{
    public override string FileName => "summary.txt";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        TextSummary.Write(context, writer);
        return Task.CompletedTask;
    }
}
