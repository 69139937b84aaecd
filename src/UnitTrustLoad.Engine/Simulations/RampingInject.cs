using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Open model: rate ramped linearly from the previous stage's rate to <see cref="Rate"/>.</summary>
/// <param name="Rate">Arrivals per interval at the end of the ramp, 0 or more (0 ramps down).</param>
/// <param name="Interval">The interval, above zero.</param>
/// <param name="During">How long the ramp takes, above zero.</param>
public sealed record RampingInject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingInject to {Rate} per {Interval} during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        NotNegative(problems, SimulationField.Rate, Rate);
        Positive(problems, SimulationField.Interval, Interval);
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Open, previousRate, Rate, During, Interval, null, 0, 0, seed);
}
