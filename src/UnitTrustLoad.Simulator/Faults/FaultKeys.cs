namespace UnitTrustLoad.Simulator.Faults;

/// <summary>The operations faults are configured under (<c>Simulator:Faults:&lt;key&gt;</c>): the one home of their names.</summary>
public static class FaultKeys
{
    /// <summary>The token endpoint.</summary>
    public const string Token = "Token";

    /// <summary>Investor registration.</summary>
    public const string Register = "Register";

    /// <summary>Joining a fund.</summary>
    public const string JoinFund = "JoinFund";

    /// <summary>A purchase.</summary>
    public const string Purchase = "Purchase";

    /// <summary>A balance fetch (the only one whose answers can be corrupted, for the ledger's test).</summary>
    public const string FetchBalance = "FetchBalance";

    /// <summary>A sale.</summary>
    public const string Sell = "Sell";

    /// <summary>Every key, in the API's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Token, Register, JoinFund, Purchase, FetchBalance, Sell];

    /// <summary>True when <paramref name="key"/> is a fault key, ignoring case.</summary>
    public static bool IsKnown(string key)
    {
        foreach (var known in All)
        {
            if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
