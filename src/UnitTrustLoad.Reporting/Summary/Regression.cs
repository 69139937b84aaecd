namespace UnitTrustLoad.Reporting;

/// <summary>A figure that got worse than the baseline by more than run-to-run noise (<see cref="RegressionRule"/>).</summary>
/// <param name="Scope">"scenario.step", or a scenario's name when it has no steps.</param>
/// <param name="Metric">"p95" (milliseconds) or "fail_rate" (a share, 0 to 1).</param>
/// <param name="Before">The baseline's value.</param>
/// <param name="Now">This run's value.</param>
/// <param name="Description">One line for a person, for example "checkout.pay: p95 70.0 ms → 138.6 ms (+98.0%, +68.6 ms)".</param>
public sealed record Regression(string Scope, string Metric, double Before, double Now, string Description);
