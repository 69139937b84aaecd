namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>A validated registration, ready to store.</summary>
internal sealed record NewInvestor(
    string ClientIdentifier,
    long IdNumber,
    string FirstName,
    string Surname,
    DateOnly DateOfBirth,
    string PhoneNumber,
    string EmailAddress,
    string Pin,
    string Bank);
