namespace UnitTrustLoad.Api.Contracts;

internal sealed record JoinFundRequest(string ClientIdentifier, string FundShareClassCode, string IncomeDistributionMode);

internal sealed record JoinFundResponse(string? ClientIdentifier, string? FundShareClassCode, string? Status);
