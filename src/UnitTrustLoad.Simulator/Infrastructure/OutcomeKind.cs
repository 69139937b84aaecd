namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>How a store call ended; failures are values, not exceptions.</summary>
internal enum OutcomeKind
{
    Done,
    UnknownInvestor,
    Duplicate,
    DuplicateIdNumber,
    NotJoined,
    InsufficientBalance,
    ReferenceConflict,
    Replayed,
}
