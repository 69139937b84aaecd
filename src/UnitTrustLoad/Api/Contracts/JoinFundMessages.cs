namespace UnitTrustLoad.Api.Contracts;

internal sealed record JoinFundRequest(string ClientIdentifier, string FundShareClassCode, string IncomeDistributionMode);

[System.Text.Json.Serialization.JsonConverter(typeof(AnswerReaders.JoinFund))]
internal sealed record JoinFundResponse(string? ClientIdentifier, string? FundShareClassCode, string? Status);
