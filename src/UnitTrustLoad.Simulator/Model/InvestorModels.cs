namespace UnitTrustLoad.Simulator.Model;

// Request properties are nullable so a missing field reaches validation (and is named there)
// instead of failing inside the serializer.
internal sealed record RegisterInvestorRequest(
    long? IDNumber,
    string? FirstName,
    string? Surname,
    string? DateOfBirth,
    string? PhoneNumber,
    string? EmailAddress,
    string? PIN,
    string? ClientIdentifier,
    string? FundsSourceCode,
    string? AgentID,
    BankAccount? BankAccount);

internal sealed record BankAccount(
    string? Bank,
    string? BankBranch,
    string? AccountName,
    string? AccountNumber,
    string? Currency);

internal sealed record RegisterInvestorResponse(string ClientIdentifier, long InvestorId, string Status);
