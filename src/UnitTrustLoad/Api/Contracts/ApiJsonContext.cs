using System.Text.Json.Serialization;

namespace UnitTrustLoad.Api.Contracts;

/// <summary>
/// Source-generated serialisation: no reflection per request. The server matches names case-insensitively; so do we.
/// The answers are read by <see cref="AnswerReaders"/>, which keep that contract. They are attached to the answer types,
/// not listed in these options: a converter in the options turns off the generated fast path for writing every request.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
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
