using System.Text.Json.Serialization;

namespace UnitTrustLoad.Simulator.Model;

// PascalCase out (the contract's names), case-insensitive in; numbers may arrive as strings
// because some clients quote identifiers such as IDNumber.
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RegisterInvestorRequest))]
[JsonSerializable(typeof(RegisterInvestorResponse))]
[JsonSerializable(typeof(JoinFundRequest))]
[JsonSerializable(typeof(JoinFundResponse))]
[JsonSerializable(typeof(FetchBalanceRequest))]
[JsonSerializable(typeof(FetchBalanceResponse))]
[JsonSerializable(typeof(PurchaseRequest))]
[JsonSerializable(typeof(PurchaseResponse))]
[JsonSerializable(typeof(SellRequest))]
[JsonSerializable(typeof(SellResponse))]
[JsonSerializable(typeof(BankAccount))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
