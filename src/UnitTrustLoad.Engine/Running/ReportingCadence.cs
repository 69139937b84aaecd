namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// How often a run reports: the configured interval, or a finer round step for a run planned too short to give a
/// chart <see cref="MinimumPoints"/> points at that interval. An iteration-bounded run (no planned length) keeps the
/// configured interval.
/// </summary>
internal static class ReportingCadence
{
    /// <summary>The fewest intervals a run with a planned length should have.</summary>
    public const int MinimumPoints = 20;

    /// <summary>Round steps a finer interval is chosen from; the first is the finest the engine picks by itself.</summary>
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    /// <summary>The interval to report at: <paramref name="configured"/>, or the largest round step no longer than a twentieth of <paramref name="planned"/> when that is shorter.</summary>
    public static TimeSpan For(TimeSpan configured, TimeSpan? planned)
    {
        if (planned is not { } length || length <= TimeSpan.Zero)
        {
            return configured;
        }

        var wanted = length / MinimumPoints;
        if (wanted >= configured)
        {
            return configured;
        }

        var chosen = Steps[0];
        foreach (var step in Steps)
        {
            if (step <= wanted)
            {
                chosen = step;
            }
        }

        return chosen < configured ? chosen : configured;
    }

    /// <summary>The measured load's planned length: the longest scenario's chain, or null when any is iteration-bounded.</summary>
    public static TimeSpan? PlannedLoad(IReadOnlyList<ScenarioRuntime> scenarios)
    {
        var longest = TimeSpan.Zero;
        foreach (var runtime in scenarios)
        {
            if (Simulations.LoadPlan.PlannedDuration(runtime.Stages) is not { } chain)
            {
                return null;
            }

            if (chain > longest)
            {
                longest = chain;
            }
        }

        return longest;
    }
}
