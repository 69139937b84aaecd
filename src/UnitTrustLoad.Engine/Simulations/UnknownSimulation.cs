using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// What <see cref="Simulation.Build"/> returns for a kind name it does not know: it never runs, and its
/// <see cref="Validate"/> says so at its place in the chain, so the mistake is reported once with the others.
/// </summary>
internal sealed record UnknownSimulation(string Kind) : LoadSimulation
{
    public override string Describe() => $"unknown load simulation '{Kind}'";

    public override IReadOnlyList<DefinitionProblem> Validate() =>
    [
        new DefinitionProblem(
            DefinitionProblemKind.UnknownSimulationKind,
            $"'{Kind}' is not a load simulation",
            $"use one of {string.Join(", ", Simulation.KindNames)}")
        { Field = SimulationField.Kind },
    ];

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => throw new InvalidOperationException($"{Describe()} cannot run; validate the definition first.");
}
