using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// A scenario's think time after each step: a fixed pause, or a draw from its range decided by the seed, the iteration
/// and the step (so a seed repeats the same pauses). Paused through the engine, which leaves it out of every latency.
/// </summary>
internal sealed class ThinkTimer(DurationRange range, int seed)
{
    public DurationRange Range => range;

    /// <summary>The pause after step <paramref name="step"/> (0-based) of iteration <paramref name="iteration"/>.</summary>
    public TimeSpan PauseFor(long iteration, int step) =>
        range.Min == range.Max ? range.Min : range.At(new SequenceRandom(SequenceRandom.Mix(seed, iteration, step)).Unit());

    public ValueTask PauseAsync(IScenarioContext context, int step) =>
        range.IsZero ? ValueTask.CompletedTask : context.PauseAsync(PauseFor(context.InvocationNumber, step));
}
