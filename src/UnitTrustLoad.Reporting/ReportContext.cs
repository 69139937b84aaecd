using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>Everything a report writer needs about one finished run.</summary>
/// <param name="Result">The engine's final result.</param>
/// <param name="ExitCode">The process exit code the run ends with (0 passed, 99 threshold failed, 130 interrupted, ...).</param>
/// <param name="TimeZone">Zone that timestamps in reports are shown in (the suite's default is Africa/Nairobi).</param>
/// <param name="Settings">The test's settings, shown first in every report; never secrets.</param>
/// <param name="Baseline">A previous run's summary, for comparison columns, or null.</param>
/// <param name="Checks">The caller's correctness checks, shown beside the thresholds (none when null).</param>
/// <param name="RunFiles">Files the caller wrote into the run folder; the HTML report links those that exist.</param>
/// <param name="FailOnRegression">True when a regression against the baseline fails the run (the verdict then says so).</param>
public sealed record ReportContext(
    RunResult Result,
    int ExitCode,
    TimeZoneInfo TimeZone,
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    RunSummary? Baseline = null,
    IReadOnlyList<CheckSummary>? Checks = null,
    IReadOnlyList<string>? RunFiles = null,
    bool FailOnRegression = false)
{
    /// <summary>Figures worse than the baseline beyond run-to-run noise (<see cref="RegressionRule"/>); empty without a baseline.</summary>
    public IReadOnlyList<Regression> Regressions => RegressionRule.Find(Result, Baseline);

    /// <summary>The checks, never null.</summary>
    public IReadOnlyList<CheckSummary> AllChecks => Checks ?? [];

    /// <summary>The run's start shown in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset LocalStartedAt => TimeZoneInfo.ConvertTime(Result.StartedAt, TimeZone);
}
