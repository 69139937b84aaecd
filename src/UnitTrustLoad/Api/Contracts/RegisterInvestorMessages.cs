namespace UnitTrustLoad.Api.Contracts;

/// <summary>POST /api/Investors/Register body, PascalCase as the contract shows.</summary>
internal sealed record RegisterInvestorRequest(
    int IDNumber,
    string FirstName,
    string Surname,
    string DateOfBirth,
    string PhoneNumber,
    string EmailAddress,
    string PIN,
    string ClientIdentifier,
    string? FundsSourceCode,
    string? AgentID,
    BankAccount BankAccount);

internal sealed record BankAccount(string Bank, string BankBranch, string AccountName, string AccountNumber, string Currency);

/// <summary>201 answer.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AnswerReaders.Register))]
internal sealed record RegisterInvestorResponse(string? ClientIdentifier, long InvestorId, string? Status);
