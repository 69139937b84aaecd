using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>No load for a while; the next ramp starts again from zero.</summary>
/// <param name="During">How long, above zero.</param>
public sealed record Pause(TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Pause during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.None, 0, 0, During, TimeSpan.Zero, null, 0, 0, seed);
}
