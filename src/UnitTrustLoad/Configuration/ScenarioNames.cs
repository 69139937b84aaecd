namespace UnitTrustLoad.Configuration;

/// <summary>The scenario and step names users type and reports show.</summary>
internal static class ScenarioNames
{
    public const string Register = "register";
    public const string JoinFund = "join-fund";
    public const string Purchase = "purchase";
    public const string Balance = "balance";
    public const string Sale = "sale";
    public const string Journey = "journey";

    /// <summary>The token request, recorded as a step of whichever scenario needed it.</summary>
    public const string TokenStep = "token";

    public static IReadOnlyList<string> All { get; } = [Register, JoinFund, Purchase, Balance, Sale, Journey];

    /// <summary>The scenarios that lease investors from the pool (or Data:InvestorsFile) for each iteration.</summary>
    public static IReadOnlyList<string> PoolScenarios { get; } = [Purchase, Balance, Sale];

    public static bool UsesPool(string name) => name is Purchase or Balance or Sale;

    /// <summary>The steps a scenario records (every scenario may record the token step).</summary>
    public static IReadOnlyList<string> StepsOf(string scenario) => scenario.ToLowerInvariant() switch
    {
        Journey => [Register, JoinFund, Purchase, Balance, Sale, TokenStep],
        JoinFund => [Register, JoinFund, TokenStep],
        Register or Purchase or Balance or Sale => [scenario.ToLowerInvariant(), TokenStep],
        _ => [],
    };

    public static bool IsKnown(string name)
    {
        foreach (var known in All)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
