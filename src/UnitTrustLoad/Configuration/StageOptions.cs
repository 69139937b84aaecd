using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>One k6-style stage (--stage 30s:100): ramp the virtual users to <see cref="Target"/> over <see cref="Duration"/>.</summary>
internal sealed class StageOptions
{
    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan Duration { get; set; }

    /// <summary>Virtual users at the end of the stage (0 ramps down).</summary>
    [Range(0, 100_000)]
    public int Target { get; set; }
}
