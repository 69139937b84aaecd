namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>The end of a purchase or sale: on Done or Replayed, the answer to send; on InsufficientBalance, what could be sold.</summary>
internal readonly record struct TradeOutcome<T>(OutcomeKind Kind, T? Response, decimal AvailableValue = 0m)
    where T : class
{
    public static TradeOutcome<T> Failed(OutcomeKind kind) => new(kind, null);
}
