namespace UnitTrustLoad.Simulator.Model;

internal sealed record JoinFundRequest(string? ClientIdentifier, string? FundShareClassCode, string? IncomeDistributionMode);

internal sealed record JoinFundResponse(string ClientIdentifier, string FundShareClassCode, string Status);

internal sealed record FetchBalanceRequest(string? ClientIdentifier);

internal sealed record FetchBalanceResponse(string ClientIdentifier, FundBalance[] Funds, decimal TotalMarketValue);

internal sealed record FundBalance(string FundShareClassCode, decimal Units, decimal UnitPrice, decimal MarketValue, string Currency);

/// <summary>A holding after a purchase or sale.</summary>
internal sealed record HoldingBalance(decimal Units, decimal MarketValue);
