namespace UnitTrustLoad.Http.Http11;

/// <summary>
/// How one exchange on a connection ended: on <see cref="WireOutcome.Answered"/> the head and where the (de-chunked)
/// body lies in the connection's receive buffer; otherwise why not.
/// </summary>
internal readonly record struct Exchange(WireOutcome Outcome, ResponseHead Head, int BodyStart, int BodyLength, string? Error)
{
    public static Exchange Failed(WireOutcome outcome, string error) => new(outcome, default, 0, 0, error);
}
