namespace UnitTrustLoad.Api.Contracts;

internal sealed record BalanceRequest(string ClientIdentifier);

[System.Text.Json.Serialization.JsonConverter(typeof(AnswerReaders.Balance))]
internal sealed record BalanceResponse(string? ClientIdentifier, List<FundBalance>? Funds, decimal TotalMarketValue);

internal sealed record FundBalance(string? FundShareClassCode, decimal Units, decimal UnitPrice, decimal MarketValue, string? Currency);
