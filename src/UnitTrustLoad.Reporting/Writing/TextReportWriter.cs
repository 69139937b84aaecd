using System.Text;

namespace UnitTrustLoad.Reporting.Writing;

/// <summary>A report written as UTF-8 text (no byte-order mark, LF line ends).</summary>
internal abstract class TextReportWriter : IReportWriter
{
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public abstract string FileName { get; }

    public async Task WriteAsync(ReportContext context, string folder, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await WriteAsync(context, writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    protected abstract Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken);
}
