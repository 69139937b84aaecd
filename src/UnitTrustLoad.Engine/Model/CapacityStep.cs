namespace UnitTrustLoad.Engine.Model;

/// <summary>One step of a capacity search, judged over its part after the settle time.</summary>
/// <param name="Rate">Offered arrivals per second.</param>
/// <param name="AchievedRate">Iterations completed per second in the judged part.</param>
/// <param name="P50">Median latency of successful iterations, ms (null when none succeeded).</param>
/// <param name="P95">95th percentile, ms.</param>
/// <param name="P99">99th percentile, ms.</param>
/// <param name="FailRate">Failed share of the judged iterations.</param>
/// <param name="Dropped">Arrivals dropped during the whole step.</param>
/// <param name="Passed">Every service level held, and the generator delivered the step.</param>
/// <param name="GeneratorLimited">Too many arrivals dropped, or the generator's CPU near its cores.</param>
/// <param name="CpuCores">Process CPU during the judged part, in cores.</param>
/// <param name="Verdicts">Each service level's verdict for this step.</param>
public sealed record CapacityStep(
    int Rate,
    double AchievedRate,
    double? P50,
    double? P95,
    double? P99,
    double FailRate,
    long Dropped,
    bool Passed,
    bool GeneratorLimited,
    double CpuCores,
    IReadOnlyList<ThresholdResult> Verdicts)
{
    /// <summary>This step repeated a failing one at the same rate (<c>ConfirmFailures</c>); its verdict is the rate's.</summary>
    public bool Confirmation { get; init; }
}
