namespace UnitTrustLoad.Api.Contracts;

internal sealed record PurchaseRequest(
    string ClientIdentifier,
    string FundShareClassCode,
    decimal PurchaseValue,
    string PurchaseRequestReference,
    string PaymentModeCode,
    string PaymentReference);

[System.Text.Json.Serialization.JsonConverter(typeof(AnswerReaders.Purchase))]
internal sealed record PurchaseResponse(
    string? ClientIdentifier,
    string? FundShareClassCode,
    decimal PurchaseValue,
    decimal UnitPrice,
    decimal UnitsAllotted,
    HoldingBalance? Balance);

/// <summary>The holding after a trade.</summary>
internal sealed record HoldingBalance(decimal Units, decimal MarketValue);
