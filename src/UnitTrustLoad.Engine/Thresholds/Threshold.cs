namespace UnitTrustLoad.Engine.Thresholds;

/// <summary>
/// A k6-style pass/fail criterion: <c>p(95) &lt; 500</c>, <c>p(99.9) &lt;= 2000</c>, <c>mean &lt; 200</c>, <c>fail_rate &lt; 0.01</c>,
/// <c>rps &gt; 100</c>, <c>count(fail) == 0</c>, a custom counter (<c>consistency_violations == 0</c>), or relative to a baseline
/// (<c>p(95) &lt; baseline * 1.10</c>). Latencies are in milliseconds.
/// </summary>
/// <param name="Expression">The expression text.</param>
/// <param name="Scenario">Scenario it applies to, or null for the whole run.</param>
/// <param name="Step">Step within <paramref name="Scenario"/>, or null for the scenario's iterations.</param>
/// <param name="AbortOnFail">Stop the run as soon as it fails (after <paramref name="AbortGracePeriod"/>).</param>
/// <param name="AbortGracePeriod">Time from the start before an abort may happen.</param>
/// <param name="Window">
/// Judge a sliding window of this length, evaluated every second, instead of the run so far (null). A windowed
/// threshold fails when any of its windows failed; its verdict names the first one.
/// </param>
/// <param name="Sustained">With <paramref name="Window"/> and <paramref name="AbortOnFail"/>: abort only once every second of a whole window broke the threshold (a short spike fails windows but does not abort).</param>
public sealed record Threshold(string Expression, string? Scenario = null, string? Step = null, bool AbortOnFail = false, TimeSpan AbortGracePeriod = default, TimeSpan? Window = null, bool Sustained = false)
{
    /// <summary>"run", the scenario name, or "scenario.step".</summary>
    public string Scope => Scenario is null ? "run" : Step is null ? Scenario : $"{Scenario}.{Step}";
}
