using System.Globalization;
using System.Text.Json.Nodes;

namespace UnitTrustLoad.Simulator.Tests.Support;

/// <summary>Valid request bodies, unique per call by construction (a counter), for tests to alter one field at a time.</summary>
public static class TestData
{
    private static int s_next = Random.Shared.Next(10_000_000, 80_000_000);

    public static long NextIdNumber() => Interlocked.Increment(ref s_next);

    public static string NextReference(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static JsonObject Registration()
    {
        var id = NextIdNumber();
        var digits = id.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["IDNumber"] = id,
            ["FirstName"] = "Amina",
            ["Surname"] = "Otieno",
            ["DateOfBirth"] = "Mar 14, 1991",
            ["PhoneNumber"] = "+2547" + digits,
            ["EmailAddress"] = $"amina.{digits}@example.com",
            ["PIN"] = "A012345678Z",
            ["ClientIdentifier"] = $"+2547{digits}-{digits}",
            ["FundsSourceCode"] = null,
            ["AgentID"] = null,
            ["BankAccount"] = new JsonObject
            {
                ["Bank"] = "KENYA COMMERCIAL BANK LTD",
                ["BankBranch"] = "0000001179",
                ["AccountName"] = "Amina Otieno",
                ["AccountNumber"] = "1234567890",
                ["Currency"] = "KES",
            },
        };
    }

    public static JsonObject Join(string clientIdentifier, string fund = "MMF", string mode = "2") => new()
    {
        ["ClientIdentifier"] = clientIdentifier,
        ["FundShareClassCode"] = fund,
        ["IncomeDistributionMode"] = mode,
    };

    public static JsonObject Purchase(string clientIdentifier, string fund, decimal value, string? reference = null) => new()
    {
        ["ClientIdentifier"] = clientIdentifier,
        ["FundShareClassCode"] = fund,
        ["PurchaseValue"] = value,
        ["PurchaseRequestReference"] = reference ?? NextReference("P"),
        ["PaymentModeCode"] = "MPESA",
        ["PaymentReference"] = NextReference("MP"),
    };

    public static JsonObject Sale(string clientIdentifier, string fund, decimal value, string? reference = null) => new()
    {
        ["ClientIdentifier"] = clientIdentifier,
        ["FundShareClassCode"] = fund,
        ["SaleValue"] = value,
        ["SaleRequestReference"] = reference ?? NextReference("S"),
        ["PaymentModeCode"] = "MPESA",
    };

    public static JsonObject Balance(string clientIdentifier) => new() { ["ClientIdentifier"] = clientIdentifier };

    public static decimal Amount(JsonNode? node) => node!.GetValue<decimal>();
}
