namespace UnitTrustLoad.Engine.Model;

/// <summary>A scenario's warm-up: how long it ran and what it left out of the statistics.</summary>
/// <param name="Duration">The warm-up's configured length.</param>
/// <param name="Iterations">Iterations that ran during the warm-up, ok and failed, none of them in any figure.</param>
/// <param name="StepCalls">Step invocations (requests) among those iterations, left out too.</param>
public sealed record WarmUpResult(TimeSpan Duration, long Iterations, long StepCalls);
