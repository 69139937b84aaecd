namespace UnitTrustLoad.Run;

/// <summary>
/// GitHub Actions' job summary: when <c>GITHUB_STEP_SUMMARY</c> names a file, the run's summary.md is appended to it, so
/// the verdict and the step table show on the run's page without opening an artifact (k6's and Gatling's actions do
/// the same). Other CI systems leave the variable unset.
/// </summary>
internal static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    public const string SummaryFile = "summary.md";

    /// <summary>Appends the run folder's summary.md to <paramref name="target"/>; returns a problem to print, or null.</summary>
    public static async Task<string?> AppendAsync(string? target, string folder, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        var summary = Path.Combine(folder, SummaryFile);
        if (!File.Exists(summary))
        {
            return $"{Variable} is set, but {SummaryFile} was not written, so nothing was appended to {target}.";
        }

        try
        {
            var text = await File.ReadAllTextAsync(summary, cancellationToken);
            await File.AppendAllTextAsync(target, text.EndsWith('\n') ? text : text + "\n", cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{Variable} is set, but {SummaryFile} could not be appended to {target}: {ex.Message}";
        }
    }
}
