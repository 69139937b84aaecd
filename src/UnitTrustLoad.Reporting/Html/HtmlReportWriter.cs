using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Html;

/// <summary>Writes report.html.</summary>
internal sealed class HtmlReportWriter : TextReportWriter
{
    public override string FileName => "report.html";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteLineAsync(context.Result.TestName);
}
