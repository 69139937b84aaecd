namespace UnitTrustLoad.Simulator.Model;

internal sealed record PurchaseRequest(
    string? ClientIdentifier,
    string? FundShareClassCode,
    decimal? PurchaseValue,
    string? PurchaseRequestReference,
    string? PaymentModeCode,
    string? PaymentReference);

internal sealed record PurchaseResponse(
    long TransactionId,
    string ClientIdentifier,
    string FundShareClassCode,
    decimal PurchaseValue,
    decimal UnitPrice,
    decimal UnitsAllotted,
    HoldingBalance Balance);

internal sealed record SellRequest(
    string? ClientIdentifier,
    string? FundShareClassCode,
    decimal? SaleValue,
    string? SaleRequestReference,
    string? PaymentModeCode);

internal sealed record SellResponse(
    long TransactionId,
    string ClientIdentifier,
    string FundShareClassCode,
    decimal SaleValue,
    decimal UnitPrice,
    decimal UnitsRedeemed,
    HoldingBalance Balance);
