namespace UnitTrustLoad.Engine.Model;

/// <summary>What a capacity search found.</summary>
/// <param name="Scenario">The scenario searched.</param>
/// <param name="SustainableRate">The highest rate that passed every service level, or null when none did.</param>
/// <param name="BreakingRate">The lowest rate that failed one, or null when none did (or the generator ended it).</param>
/// <param name="LimitedBy">"target" when the target broke, "generator" when the generator could not deliver, null when nothing broke.</param>
/// <param name="BrokenBy">The service level that broke first at the breaking rate (the largest excess over its limit), or null.</param>
/// <param name="BrokenByMessage">By how much, in words ("p(95) was 812, required &lt; 500").</param>
/// <param name="End">Why the search ended.</param>
/// <param name="Duration">How long the search ran.</param>
/// <param name="Steps">Every judged step, in order.</param>
public sealed record CapacityResult(
    string Scenario,
    int? SustainableRate,
    int? BreakingRate,
    string? LimitedBy,
    string? BrokenBy,
    string? BrokenByMessage,
    CapacityEnd End,
    TimeSpan Duration,
    IReadOnlyList<CapacityStep> Steps)
{
    /// <summary>True when the search named a capacity: a rate passed, and the generator was not the limit.</summary>
    public bool NamedCapacity => SustainableRate is not null && End != CapacityEnd.Generator;

    /// <summary>The step at the sustainable rate, or null.</summary>
    public CapacityStep? SustainableStep => Steps.LastOrDefault(s => s.Passed && s.Rate == SustainableRate);
}
