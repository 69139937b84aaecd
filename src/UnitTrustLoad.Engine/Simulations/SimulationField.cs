namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// The names of the fields load simulations take, as <see cref="Running.DefinitionProblem.Field"/> and
/// <see cref="SimulationKind.Fields"/> spell them (the same names as the simulations' own properties).
/// </summary>
public static class SimulationField
{
    /// <summary>The kind's name, for example "Inject" (see <see cref="Simulation.Kinds"/>).</summary>
    public const string Kind = "Kind";

    /// <summary>Virtual users (closed model).</summary>
    public const string Copies = "Copies";

    /// <summary>Arrivals per interval (open model).</summary>
    public const string Rate = "Rate";

    /// <summary>InjectRandom's lower bound per interval.</summary>
    public const string MinRate = "MinRate";

    /// <summary>InjectRandom's upper bound per interval.</summary>
    public const string MaxRate = "MaxRate";

    /// <summary>The open model's interval the rate is counted in.</summary>
    public const string Interval = "Interval";

    /// <summary>How long a time-bound stage lasts.</summary>
    public const string During = "During";

    /// <summary>How many iterations an iteration-bound stage runs.</summary>
    public const string Iterations = "Iterations";
}
