using System.Text.Json;

namespace UnitTrustLoad.Reporting;

/// <summary>
/// The summary.json document: the machine-readable result of one run (camelCase when serialised),
/// also read back as the baseline of a later run.
/// </summary>
/// <param name="TestName">The test's name.</param>
/// <param name="StartedAt">When the run started, in the report's time zone.</param>
/// <param name="TimeZone">The report's time zone id.</param>
/// <param name="DurationSeconds">Wall time of the run.</param>
/// <param name="Interrupted">True when the run stopped before its simulations ended.</param>
/// <param name="InterruptReason">Why it stopped early, or null.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Passed">True when every threshold passed and the run was not interrupted.</param>
/// <param name="Settings">The test's settings as shown in reports.</param>
/// <param name="Scenarios">Per scenario figures.</param>
/// <param name="Thresholds">Every threshold's verdict.</param>
/// <param name="Checks">The caller's correctness checks (empty in summaries that predate them).</param>
/// <param name="Counters">Every custom counter of the run.</param>
/// <param name="Regressions">Figures worse than the baseline beyond run-to-run noise; null when the run had no baseline.</param>
/// <param name="Capacity">What a capacity search found; null when the run was not one.</param>
public sealed partial record RunSummary(
    string TestName,
    DateTimeOffset StartedAt,
    string TimeZone,
    double DurationSeconds,
    bool Interrupted,
    string? InterruptReason,
    int ExitCode,
    bool Passed,
    IReadOnlyList<SettingSummary> Settings,
    IReadOnlyList<ScenarioSummary> Scenarios,
    IReadOnlyList<ThresholdSummary> Thresholds,
    IReadOnlyList<CheckSummary> Checks,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<Regression>? Regressions = null,
    CapacitySummary? Capacity = null)
{
    /// <summary>The file name of the summary inside a run folder.</summary>
    public const string FileName = "summary.json";

    /// <summary>Builds the summary of a finished run.</summary>
    public static RunSummary From(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.Result;
        var scenarios = new List<ScenarioSummary>(result.Scenarios.Count);
        foreach (var scenario in result.Scenarios)
        {
            scenarios.Add(ScenarioSummary.From(scenario));
        }

        var thresholds = new List<ThresholdSummary>(result.Thresholds.Count);
        foreach (var threshold in result.Thresholds)
        {
            thresholds.Add(ThresholdSummary.From(threshold));
        }

        var settings = new List<SettingSummary>(context.Settings.Count);
        foreach (var setting in context.Settings)
        {
            settings.Add(new SettingSummary(setting.Key, setting.Value));
        }

        var counters = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var counter in result.Counters)
        {
            counters[counter.Key] = counter.Value;
        }

        return new RunSummary(
            result.TestName,
            context.LocalStartedAt,
            context.TimeZone.Id,
            result.Duration.TotalSeconds,
            result.Interrupted,
            result.InterruptReason,
            context.ExitCode,
            Writing.Verdict.Passed(context),
            settings,
            scenarios,
            thresholds,
            context.AllChecks,
            counters,
            context.Baseline is null ? null : context.Regressions,
            CapacitySummary.From(result.Capacity));
    }

    /// <summary>The check of that name, or null when the run had none.</summary>
    public CheckSummary? Check(string name)
    {
        foreach (var check in Checks ?? [])
        {
            if (string.Equals(check.Name, name, StringComparison.Ordinal))
            {
                return check;
            }
        }

        return null;
    }

    /// <summary>Writes the summary as indented camelCase JSON.</summary>
    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(stream, this, SummaryJsonContext.Default.RunSummary, cancellationToken);

    /// <summary>Serialises the summary to indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SummaryJsonContext.Default.RunSummary);

    /// <summary>Reads a summary from JSON text; throws <see cref="BaselineException"/> when it is not a summary.</summary>
    public static RunSummary Parse(string json, string source = "summary JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        RunSummary? summary;
        try
        {
            summary = JsonSerializer.Deserialize(json, SummaryJsonContext.Default.RunSummary);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new BaselineException(
                $"The baseline {source} is not valid summary JSON{where}: {e.Message} Fix: pass the summary.json of a previous run (or its run folder).",
                e);
        }

        if (summary is null || string.IsNullOrEmpty(summary.TestName) || summary.Scenarios is null)
        {
            throw new BaselineException(
                $"The baseline {source} does not look like a UnitTrustLoad summary (no testName or scenarios). Fix: pass the summary.json of a previous run (or its run folder).");
        }

        return summary;
    }

    /// <summary>
    /// Reads a previous run's summary: <paramref name="path"/> is a summary.json file or a run folder holding one.
    /// Throws <see cref="BaselineException"/> with what, where and the fix when it is missing or invalid.
    /// </summary>
    public static RunSummary Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new BaselineException("No baseline path was given. Fix: pass --baseline with a previous run's summary.json or its run folder.");
        }

        var full = Path.GetFullPath(path);
        var file = Directory.Exists(full) ? Path.Combine(full, FileName) : full;
        if (!File.Exists(file))
        {
            var what = Directory.Exists(full)
                ? $"The baseline folder '{full}' holds no {FileName}."
                : $"The baseline file '{full}' does not exist.";
            throw new BaselineException($"{what} Fix: pass --baseline with a previous run's summary.json or its run folder (reports/<time>_<test>/).");
        }

        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"The baseline file '{file}' could not be read: {e.Message} Fix: check the path and its permissions.", e);
        }

        return Parse(json, $"file '{file}'");
    }
}
