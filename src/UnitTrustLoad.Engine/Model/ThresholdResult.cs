namespace UnitTrustLoad.Engine.Model;

/// <summary>The verdict on one threshold.</summary>
/// <param name="Expression">The expression as written, for example "p(95) &lt; 500".</param>
/// <param name="Scope">"run", a scenario name, or "scenario.step".</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Actual">The measured value, or null when there was nothing to measure.</param>
/// <param name="Message">Why it failed or could not be evaluated, or null.</param>
/// <param name="AbortedRun">True when this threshold stopped the run early.</param>
public sealed record ThresholdResult(
    string Expression,
    string Scope,
    bool Passed,
    double? Actual,
    string? Message,
    bool AbortedRun);
