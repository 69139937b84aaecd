namespace UnitTrustLoad.Simulator.Infrastructure;

internal readonly record struct RegisterOutcome(OutcomeKind Kind, long InvestorId)
{
    public static RegisterOutcome Registered(long id) => new(OutcomeKind.Done, id);

    public static RegisterOutcome DuplicateClientIdentifier() => new(OutcomeKind.Duplicate, 0);

    public static RegisterOutcome DuplicateIdNumber() => new(OutcomeKind.DuplicateIdNumber, 0);
}
