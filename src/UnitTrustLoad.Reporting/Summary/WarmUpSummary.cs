using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting;

/// <summary>A scenario's warm-up in summary.json: its length and what it left out of every figure.</summary>
/// <param name="DurationSeconds">The warm-up's length.</param>
/// <param name="Iterations">Iterations run during the warm-up, in no figure.</param>
/// <param name="StepCalls">Step invocations (requests) among them, in no figure either.</param>
public sealed record WarmUpSummary(double DurationSeconds, long Iterations, long StepCalls)
{
    /// <summary>Copies the engine's warm-up figures; null when there was no warm-up.</summary>
    public static WarmUpSummary? From(WarmUpResult? warmUp) =>
        warmUp is null ? null : new(warmUp.Duration.TotalSeconds, warmUp.Iterations, warmUp.StepCalls);
}
