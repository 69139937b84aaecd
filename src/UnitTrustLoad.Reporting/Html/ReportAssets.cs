namespace UnitTrustLoad.Reporting.Html;

/// <summary>The chart library and the page's own script and styles, embedded in the assembly at build time.</summary>
internal static class ReportAssets
{
    private static readonly Lazy<string> ChartScriptText = new(() => Read("uPlot.iife.min.js"));
    private static readonly Lazy<string> ChartStyleText = new(() => Read("uPlot.min.css"));
    private static readonly Lazy<string> PageScriptText = new(() => Read("report.js"));
    private static readonly Lazy<string> PageStyleText = new(() => Read("report.css"));

    /// <summary>uPlot, minified.</summary>
    public static string ChartScript => ChartScriptText.Value;

    /// <summary>uPlot's styles, minified.</summary>
    public static string ChartStyle => ChartStyleText.Value;

    /// <summary>The script that draws the report's charts.</summary>
    public static string PageScript => PageScriptText.Value;

    /// <summary>The report's styles.</summary>
    public static string PageStyle => PageStyleText.Value;

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The report asset '{name}' is not embedded in {typeof(ReportAssets).Assembly.GetName().Name}. Fix: rebuild with npm available so the chart library is restored.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Inlined into <script>/<style>: a closing tag inside the asset would end the element early.
        return text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
            .Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase);
    }
}
