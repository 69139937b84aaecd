namespace UnitTrustLoad.Api.Contracts;

internal sealed record SaleRequest(
    string ClientIdentifier,
    string FundShareClassCode,
    decimal SaleValue,
    string SaleRequestReference,
    string PaymentModeCode);

[System.Text.Json.Serialization.JsonConverter(typeof(AnswerReaders.Sale))]
internal sealed record SaleResponse(
    string? ClientIdentifier,
    string? FundShareClassCode,
    decimal SaleValue,
    decimal UnitsRedeemed,
    HoldingBalance? Balance);
