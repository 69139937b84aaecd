namespace UnitTrustLoad.Api.Transport;

/// <summary>
/// The result of one exchange: on <see cref="ExchangeOutcome.Answered"/> the head and where the (de-chunked) body lies in
/// the connection's receive buffer; otherwise why not.
/// </summary>
internal readonly record struct Exchange(ExchangeOutcome Outcome, ResponseHead Head, int BodyStart, int BodyLength, string? Error)
{
    public static Exchange Failed(ExchangeOutcome outcome, string error) => new(outcome, default, 0, 0, error);
}
