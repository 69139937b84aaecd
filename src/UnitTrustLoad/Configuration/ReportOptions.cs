using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>Where and how the run is reported (section "Report").</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Report";

    /// <summary>Report root (--out); each run gets its own folder under it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = "reports";

    /// <summary>IANA or Windows time zone id used for timestamps in reports.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Africa/Nairobi";

    /// <summary>A previous run's summary.json (or its folder) for comparison and relative thresholds (--baseline).</summary>
    public string? Baseline { get; set; }

    /// <summary>
    /// With a baseline: a regression beyond run-to-run noise (a step's p95 up by more than 20 % and 5 ms, or its fail
    /// rate up by more than 1 percentage point) fails the run with exit code 99. Without one it is always flagged only.
    /// </summary>
    public bool FailOnRegression { get; set; }

    /// <summary>Failed requests logged per step and status in failures.log.</summary>
    [Range(0, 10_000)]
    public int FailureSamplesPerStatus { get; set; } = 20;

    /// <summary>Live Spectre.Console view when the terminal is interactive; false forces plain lines.</summary>
    public bool LiveView { get; set; } = true;
}
