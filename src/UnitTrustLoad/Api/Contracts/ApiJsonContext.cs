using System.Text.Json.Serialization;

namespace UnitTrustLoad.Api.Contracts;

/// <summary>
/// Source-generated serialisation: no reflection per request. The server matches names case-insensitively; so do we.
/// The answers are read by <see cref="AnswerReaders"/>, which keep that contract.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(AnswerReaders.Register), typeof(AnswerReaders.JoinFund), typeof(AnswerReaders.Purchase),
        typeof(AnswerReaders.Balance), typeof(AnswerReaders.Sale),
    ])]
[JsonSerializable(typeof(RegisterInvestorRequest))]
[JsonSerializable(typeof(RegisterInvestorResponse))]
[JsonSerializable(typeof(JoinFundRequest))]
[JsonSerializable(typeof(JoinFundResponse))]
[JsonSerializable(typeof(PurchaseRequest))]
[JsonSerializable(typeof(PurchaseResponse))]
[JsonSerializable(typeof(BalanceRequest))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(SaleRequest))]
[JsonSerializable(typeof(SaleResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
