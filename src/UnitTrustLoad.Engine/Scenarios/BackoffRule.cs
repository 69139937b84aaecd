namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>
/// When an iteration ends in a response <see cref="Applies"/> to (a refused connection, say), its virtual user waits
/// before the next one: <see cref="First"/>, doubling per such iteration in a row up to <see cref="Max"/>, with ±50 %
/// jitter so users do not retry in step; the first iteration it does not apply to resets it. The wait is think time
/// (no latency, no figure); its milliseconds are added to <see cref="Counter"/> when one is named. Without it, a
/// closed-model user spins through instant failures while the target is down.
/// </summary>
public sealed record BackoffRule(Func<Response, bool> Applies, TimeSpan First, TimeSpan Max, string? Counter = null)
{
    /// <summary>The wait after the <paramref name="streak"/>-th such iteration in a row (1-based), before jitter.</summary>
    public TimeSpan WaitAfter(int streak) => TimeSpan.FromTicks(Math.Min(Max.Ticks, First.Ticks << Math.Min(streak - 1, 16)));
}
