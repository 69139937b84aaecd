using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Closed model: virtual users ramped linearly from the previous stage's level to <see cref="Copies"/>.</summary>
/// <param name="Copies">Virtual users at the end of the ramp, 0 or more (0 ramps down).</param>
/// <param name="During">How long the ramp takes, above zero.</param>
public sealed record RampingConstant(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingConstant to {Copies} copies during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        NotNegative(problems, SimulationField.Copies, Copies);
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Closed, previousCopies, Copies, During, TimeSpan.Zero, null, 0, 0, seed);
}
