using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Closed model: a fixed number of virtual users looping for a time.</summary>
/// <param name="Copies">Virtual users, 1 or more.</param>
/// <param name="During">How long, above zero.</param>
public sealed record KeepConstant(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"KeepConstant {Copies} copies during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        Positive(problems, SimulationField.Copies, Copies);
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Closed, Copies, Copies, During, TimeSpan.Zero, null, 0, 0, seed);
}
