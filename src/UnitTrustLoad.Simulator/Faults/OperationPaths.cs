namespace UnitTrustLoad.Simulator.Faults;

/// <summary>The fault keys (operation names) and the paths they cover.</summary>
internal static class OperationPaths
{
    public static readonly (string Operation, string Path)[] All =
    [
        ("Token", "/core/connect/token"),
        ("Register", "/api/Investors/Register"),
        ("JoinFund", "/api/UnitTrust/JoinFund"),
        ("Purchase", "/api/UnitTrust/PurchaseUnitTrust"),
        ("FetchBalance", "/api/UnitTrust/FetchInvestorUnitTrustFunds"),
        ("Sell", "/api/UnitTrust/SellUnitTrust"),
    ];
}
