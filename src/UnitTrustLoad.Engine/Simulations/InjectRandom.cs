using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Open model: each interval a random rate between the bounds (reproducible from the stage's seed).</summary>
/// <param name="MinRate">Lowest arrivals per interval, 0 or more.</param>
/// <param name="MaxRate">Highest arrivals per interval, 1 or more and not below <paramref name="MinRate"/>.</param>
/// <param name="Interval">The interval, above zero.</param>
/// <param name="During">How long, above zero.</param>
public sealed record InjectRandom(int MinRate, int MaxRate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"InjectRandom {MinRate}..{MaxRate} per {Interval} during {During}";

    /// <inheritdoc/>
    public override IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        NotNegative(problems, SimulationField.MinRate, MinRate);
        Positive(problems, SimulationField.MaxRate, MaxRate);
        if (MinRate > MaxRate)
        {
            problems.Add(new DefinitionProblem(
                DefinitionProblemKind.OutOfOrder,
                $"MinRate {MinRate} is above MaxRate {MaxRate}",
                "swap them, so that MinRate <= MaxRate")
            { Field = SimulationField.MinRate });
        }

        Positive(problems, SimulationField.Interval, Interval);
        Positive(problems, SimulationField.During, During);
        return problems;
    }

    internal override LoadStage ToStage(int previousCopies, int previousRate, int seed)
        => new(this, LoadModel.Open, MinRate, MaxRate, During, Interval, null, MinRate, MaxRate, seed);
}
