using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Open model: <see cref="Rate"/> iterations started per <see cref="Interval"/>.</summary>
/// <param name="Rate">Arrivals per interval, 1 or more.</param>
/// <param name="Interval">The interval, above zero.</param>
/// <param name="During">How long, above zero.</param>
public sealed record Inject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Inject {Rate} per {Interval} during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        Positive(problems, SimulationField.Rate, Rate);
        Positive(problems, SimulationField.Interval, Interval);
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Open, Rate, Rate, During, Interval, null, 0, 0, seed);
}
