using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>One k6-style threshold (section "Thresholds", a list). consistency_violations == 0 is always added.</summary>
internal sealed class ThresholdOptions
{
    public const string SectionName = "Thresholds";

    /// <summary>For example "p(95) &lt; 500" or "fail_rate &lt; 0.01".</summary>
    [Required(AllowEmptyStrings = false)]
    public string Expression { get; set; } = "";

    /// <summary>Scenario it applies to; empty for the whole run.</summary>
    public string? Scenario { get; set; }

    /// <summary>Step within the scenario; empty for whole iterations.</summary>
    public string? Step { get; set; }

    public bool AbortOnFail { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AbortGracePeriod { get; set; }

    /// <summary>Judge a sliding window of this length, every second, instead of the whole run so far (unset).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan? Window { get; set; }

    /// <summary>With Window and AbortOnFail: abort only once the breach has lasted a whole window.</summary>
    public bool Sustained { get; set; }

    /// <summary>The engine's threshold for these settings, on <paramref name="scenario"/> (lower-case, or null for the whole run).</summary>
    public Engine.Thresholds.Threshold ToThreshold(string? scenario)
        => new(Expression, scenario, string.IsNullOrWhiteSpace(Step) ? null : Step, AbortOnFail, AbortGracePeriod, Window, Sustained);
}
