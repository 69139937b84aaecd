namespace UnitTrustLoad.Simulator.Faults;

/// <summary>The fault keys (operation names) and the paths they cover.</summary>
internal static class OperationPaths
{
    public static readonly (string Operation, string Path)[] All =
    [
        (FaultKeys.Token, "/core/connect/token"),
        (FaultKeys.Register, "/api/Investors/Register"),
        (FaultKeys.JoinFund, "/api/UnitTrust/JoinFund"),
        (FaultKeys.Purchase, "/api/UnitTrust/PurchaseUnitTrust"),
        (FaultKeys.FetchBalance, "/api/UnitTrust/FetchInvestorUnitTrustFunds"),
        (FaultKeys.Sell, "/api/UnitTrust/SellUnitTrust"),
    ];
}
