namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// One stage of a scenario's chain with its starting level resolved (the previous stage's level), so that every
/// level and arrival time is a pure function of the elapsed time within the stage.
/// </summary>
/// <param name="Source">The simulation as the user wrote it.</param>
/// <param name="Model">Closed, open or none.</param>
/// <param name="From">Level at the stage's start: copies (closed) or arrivals per interval (open).</param>
/// <param name="To">Level at the stage's end.</param>
/// <param name="During">Length of a time-bound stage, or null when the stage is bounded by iterations.</param>
/// <param name="Interval">Open model: the rate's interval.</param>
/// <param name="Iterations">Iteration-bound stages: how many iterations.</param>
/// <param name="MinRate">InjectRandom: lower bound per interval.</param>
/// <param name="MaxRate">InjectRandom: upper bound per interval.</param>
/// <param name="Seed">InjectRandom: seed of the per-interval rates, so a run can be reproduced.</param>
internal sealed record LoadStage(
    LoadSimulation Source,
    LoadModel Model,
    int From,
    int To,
    TimeSpan? During,
    TimeSpan Interval,
    long? Iterations,
    int MinRate,
    int MaxRate,
    int Seed);
