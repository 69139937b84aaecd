using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.JUnit;

/// <summary>Writes junit.xml.</summary>
internal sealed class JUnitWriter : TextReportWriter
{
    public override string FileName => "junit.xml";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteLineAsync(context.Result.TestName);
}
