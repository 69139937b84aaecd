namespace UnitTrustLoad.Reporting;

/// <summary>The k6-like end-of-test summary: printed by the app and written to summary.txt (plain text, no ANSI).</summary>
public static class TextSummary
{
    /// <summary>Renders the summary of a finished run.</summary>
    public static string Render(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(context, writer);
        return writer.ToString();
    }

    internal static void Write(ReportContext context, TextWriter writer)
    {
        writer.WriteLine($"{context.Result.TestName}: exit {context.ExitCode}");
    }
}
