using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>One threshold's verdict in summary.json.</summary>
public sealed record ThresholdSummary(
    string Expression,
    string Scope,
    bool Passed,
    double? Actual,
    string? Message = null,
    bool AbortedRun = false)
{
    /// <summary>Copies the engine's verdict.</summary>
    public static ThresholdSummary From(ThresholdResult threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return new(threshold.Expression, threshold.Scope, threshold.Passed, threshold.Actual, threshold.Message, threshold.AbortedRun);
    }
}
