namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>
/// A validated purchase or sale. <see cref="RequestKey"/> is the request's meaning in one string:
/// the same reference with a different key is a conflict, with the same key a replay.
/// </summary>
internal sealed record Trade(
    string ClientIdentifier,
    string FundCode,
    decimal Value,
    decimal UnitPrice,
    string Reference,
    string RequestKey);
