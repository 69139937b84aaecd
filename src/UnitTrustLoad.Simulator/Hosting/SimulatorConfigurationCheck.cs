using System.Globalization;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>
/// Checks the raw "Simulator" configuration before binding: unknown keys and values that will not
/// convert, every one at once with its path (the binder itself stops at the first).
/// </summary>
internal static class SimulatorConfigurationCheck
{
    private enum Kind
    {
        Text,
        Integer,
        Fraction,
        Money,
        Duration,
        Number,
        Count,
    }

    private static readonly Dictionary<string, Kind> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ClientId"] = Kind.Text,
        ["ClientSecret"] = Kind.Text,
        ["TokenLifetime"] = Kind.Duration,
        ["DatabasePath"] = Kind.Text,
    };

    private static readonly Dictionary<string, Kind> FundKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Code"] = Kind.Text,
        ["UnitPrice"] = Kind.Money,
    };

    private static readonly Dictionary<string, Kind> FaultKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LatencyMs"] = Kind.Integer,
        ["LatencyJitterMs"] = Kind.Integer,
        ["ErrorRate"] = Kind.Fraction,
        ["TimeoutRate"] = Kind.Fraction,
        ["TimeoutDelayMs"] = Kind.Integer,
        ["DropRate"] = Kind.Fraction,
        ["ApplyThenDropRate"] = Kind.Fraction,
        ["CorruptBalanceRate"] = Kind.Fraction,
    };

    private static readonly Dictionary<string, Kind> CapacityKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PerSecond"] = Kind.Number,
        ["Workers"] = Kind.Count,
    };

    public static List<string> FindProblems(IConfigurationSection section)
    {
        var problems = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, "Funds", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var fund in child.GetChildren())
                {
                    CheckLeaves(fund, FundKeys, problems);
                }
            }
            else if (string.Equals(child.Key, "Faults", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var fault in child.GetChildren())
                {
                    CheckLeaves(fault, FaultKeys, problems);
                }
            }
            else if (string.Equals(child.Key, "Capacity", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var capacity in child.GetChildren())
                {
                    CheckLeaves(capacity, CapacityKeys, problems);
                }
            }
            else
            {
                CheckLeaf(child, TopLevel, problems);
            }
        }

        return problems;
    }

    private static void CheckLeaves(IConfigurationSection parent, Dictionary<string, Kind> known, List<string> problems)
    {
        foreach (var child in parent.GetChildren())
        {
            CheckLeaf(child, known, problems);
        }
    }

    private static void CheckLeaf(IConfigurationSection leaf, Dictionary<string, Kind> known, List<string> problems)
    {
        if (!known.TryGetValue(leaf.Key, out var kind))
        {
            problems.Add($"{leaf.Path} is not a simulator setting; known here: {string.Join(", ", known.Keys)}.");
            return;
        }

        var value = leaf.Value;
        if (value is null || Converts(value, kind))
        {
            return;
        }

        var expected = kind switch
        {
            Kind.Integer => "a whole number of milliseconds",
            Kind.Fraction => "a fraction such as 0.05",
            Kind.Money => "a decimal number such as 12.3456",
            Kind.Duration => "a duration such as 00:00:05",
            Kind.Number => "a number such as 200",
            Kind.Count => "a whole number such as 4",
            _ => "text",
        };
        problems.Add($"{leaf.Path} is '{value}'; use {expected}.");
    }

    private static bool Converts(string value, Kind kind) => kind switch
    {
        Kind.Integer or Kind.Count => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        Kind.Fraction or Kind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        Kind.Money => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        Kind.Duration => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
        _ => true,
    };
}
