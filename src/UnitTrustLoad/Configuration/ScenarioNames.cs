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
