using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting;

/// <summary>Writes summary.md.</summary>
internal sealed class MarkdownSummaryWriter : TextReportWriter
{
    public override string FileName => "summary.md";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteLineAsync(context.Result.TestName);
}
