using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Open model: <see cref="Rate"/> per <see cref="Interval"/> until <see cref="Iterations"/> have started.</summary>
/// <param name="Rate">Arrivals per interval, 1 or more.</param>
/// <param name="Interval">The interval, above zero.</param>
/// <param name="Iterations">Arrivals in all, 1 or more.</param>
public sealed record IterationsForInject(int Rate, TimeSpan Interval, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForInject {Rate} per {Interval} for {Iterations} iterations";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        Positive(problems, SimulationField.Rate, Rate);
        Positive(problems, SimulationField.Interval, Interval);
        Positive(problems, SimulationField.Iterations, Iterations);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Open, Rate, Rate, null, Interval, Iterations, 0, 0, seed);
}
