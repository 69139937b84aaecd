using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Closed model: <see cref="Copies"/> virtual users share <see cref="Iterations"/> iterations.</summary>
/// <param name="Copies">Virtual users, 1 or more.</param>
/// <param name="Iterations">Iterations in all, 1 or more.</param>
public sealed record IterationsForConstant(int Copies, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForConstant {Copies} copies for {Iterations} iterations";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        Positive(problems, SimulationField.Copies, Copies);
        Positive(problems, SimulationField.Iterations, Iterations);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Closed, Copies, Copies, null, TimeSpan.Zero, Iterations, 0, 0, seed);
}
