namespace UnitTrustLoad.Configuration;

/// <summary>
/// How --vus and --rate are shared among the running scenarios: in proportion to each one's <c>Weight</c>, as Locust
/// shares its users among user classes by weight (largest remainder, so the shares add up to the total; every running
/// scenario gets at least one).
/// </summary>
internal static class WeightedShares
{
    /// <summary>Scenario <paramref name="name"/>'s share of <paramref name="total"/>.</summary>
    public static int Share(int total, LoadOptions load, string name)
    {
        var running = new List<(string Name, int Weight)>();
        foreach (var known in ScenarioNames.All)
        {
            if (load.Scenarios.TryGetValue(known, out var scenario) && scenario.Enabled)
            {
                running.Add((known, Math.Max(1, scenario.Weight)));
            }
        }

        if (running.Count <= 1)
        {
            return total;
        }

        long weights = 0;
        foreach (var (_, weight) in running)
        {
            weights += weight;
        }

        // Whole shares first, then the leftover one by one to the largest remainders (ties: the earlier scenario).
        var shares = new long[running.Count];
        var remainders = new long[running.Count];
        long given = 0;
        for (var i = 0; i < running.Count; i++)
        {
            shares[i] = Math.DivRem((long)total * running[i].Weight, weights, out remainders[i]);
            given += shares[i];
        }

        for (var left = total - given; left > 0; left--)
        {
            var best = 0;
            for (var i = 1; i < running.Count; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            shares[best]++;
            remainders[best] = -1;
        }

        var index = running.FindIndex(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? total : (int)Math.Max(1, shares[index]);
    }
}
