using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// How many pool investors the running purchase, balance and sale scenarios need at once: each closed-model user
/// holds one for its iteration, so more users than investors can only be dropped iterations. Checked before any
/// traffic; open-model arrivals have no fixed ceiling and are dropped (and counted) when every investor is leased.
/// </summary>
internal static class PoolDemand
{
    /// <summary>The users of the pool scenarios at their peak, summed, and which scenarios ask for them.</summary>
    public static (int Users, string Who) PeakUsers(LoadOptions load)
    {
        var users = 0;
        var who = new List<string>();
        foreach (var name in ScenarioNames.PoolScenarios)
        {
            if (!load.Scenarios.TryGetValue(name, out var scenario) || !scenario.Enabled)
            {
                continue;
            }

            int peak;
            try
            {
                peak = Simulation.PeakCopies(SimulationMapper.For(scenario, load.ForScenario(name)));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // A shape the engine cannot run: its problem is reported by the definition's validation.
                continue;
            }

            if (peak > 0)
            {
                users += peak;
                who.Add($"{name} {peak}");
            }
        }

        return (users, string.Join(" + ", who));
    }

    /// <summary>The problem when <paramref name="investors"/> cannot serve the closed-model users, else null.</summary>
    /// <param name="load">The load options.</param>
    /// <param name="investors">Investors there will be.</param>
    /// <param name="source">Where they come from, as the message names it (a setting, or a file).</param>
    /// <param name="more">How to have more, completed with the number needed.</param>
    public static string? Problem(LoadOptions load, int investors, string source, string more)
    {
        var (users, who) = PeakUsers(load);
        return users <= investors
            ? null
            : $"{source}: {investors} investors for {users} closed-model users at once ({who}); each user holds an investor for its iteration, so the rest could only be dropped. Fix: {more} {users}, or lower --vus.";
    }
}
