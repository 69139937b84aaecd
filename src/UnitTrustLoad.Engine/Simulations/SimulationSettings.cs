namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// Every field a load simulation may take, as a configuration file holds them; a <see cref="SimulationKind"/> builds its
/// simulation from the ones it takes (<see cref="SimulationKind.Fields"/>) and ignores the rest.
/// </summary>
public sealed record SimulationSettings
{
    /// <summary>Virtual users (closed model).</summary>
    public int Copies { get; init; }

    /// <summary>Arrivals per interval (open model).</summary>
    public int Rate { get; init; }

    /// <summary>InjectRandom's lower bound.</summary>
    public int MinRate { get; init; }

    /// <summary>InjectRandom's upper bound.</summary>
    public int MaxRate { get; init; }

    /// <summary>The open model's interval; 1 s unless set.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a time-bound stage lasts.</summary>
    public TimeSpan During { get; init; }

    /// <summary>How many iterations an iteration-bound stage runs.</summary>
    public long Iterations { get; init; }
}
