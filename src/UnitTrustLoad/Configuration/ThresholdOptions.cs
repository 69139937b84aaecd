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
}
