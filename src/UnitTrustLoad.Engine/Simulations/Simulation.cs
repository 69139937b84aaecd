namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Factory for load simulations, in NBomber's words.</summary>
/// <remarks>
/// <para>A scenario's simulations run one after another. Ramps are linear from the previous stage's level (0 for the
/// first stage, and after a <see cref="Pause"/> or a switch between the closed and the open model).
/// <see cref="RampingConstant"/> sets the nearest whole number of copies along the line;
/// <see cref="RampingInject"/> sets each interval's rate so that the last interval reaches the target (0 → 100 over
/// 10 intervals: 10, 20, …, 100).</para>
/// <para>Open model: an interval's arrivals are spread evenly across it (arrival k of rate r at k × interval / r) and
/// each starts at its intended time on the thread pool, whether or not earlier iterations have finished.
/// An arrival is <b>dropped</b> when it cannot start on time: the scheduler reached it more than 50 ms after its
/// intended time (the generator was saturated or stalled), or the scenario already had its maximum of iterations in
/// flight (<see cref="Scenarios.ScenarioProps.MaxConcurrency"/>, 10,000 when 0). A dropped arrival is counted in
/// <c>DroppedIterations</c> and never started later, so started + dropped always equals the plan.</para>
/// </remarks>
public static class Simulation
{
    /// <summary>
    /// The most virtual users the chain's closed-model stages run at once (0 when it has none), for a caller that must
    /// have a resource per user ready before the run (for example a pool of test accounts).
    /// </summary>
    public static int PeakCopies(IReadOnlyList<LoadSimulation> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var peak = 0;
        foreach (var stage in LoadPlan.Resolve(chain, seed: 0))
        {
            if (stage.Model == LoadModel.Closed)
            {
                peak = Math.Max(peak, Math.Max(stage.From, stage.To));
            }
        }

        return peak;
    }

    /// <summary>
    /// The one table of load simulation kinds: each name, the fields it takes and how it is built from settings. A
    /// configuration mapper reads this instead of writing its own switch over kind names.
    /// </summary>
    public static IReadOnlyList<SimulationKind> Kinds { get; } =
    [
        new(nameof(Simulations.KeepConstant), [SimulationField.Copies, SimulationField.During], s => new KeepConstant(s.Copies, s.During)),
        new(nameof(Simulations.RampingConstant), [SimulationField.Copies, SimulationField.During], s => new RampingConstant(s.Copies, s.During)),
        new(nameof(Simulations.IterationsForConstant), [SimulationField.Copies, SimulationField.Iterations], s => new IterationsForConstant(s.Copies, s.Iterations)),
        new(nameof(Simulations.Inject), [SimulationField.Rate, SimulationField.Interval, SimulationField.During], s => new Inject(s.Rate, s.Interval, s.During)),
        new(nameof(Simulations.RampingInject), [SimulationField.Rate, SimulationField.Interval, SimulationField.During], s => new RampingInject(s.Rate, s.Interval, s.During)),
        new(nameof(Simulations.InjectRandom), [SimulationField.MinRate, SimulationField.MaxRate, SimulationField.Interval, SimulationField.During], s => new InjectRandom(s.MinRate, s.MaxRate, s.Interval, s.During)),
        new(nameof(Simulations.IterationsForInject), [SimulationField.Rate, SimulationField.Interval, SimulationField.Iterations], s => new IterationsForInject(s.Rate, s.Interval, s.Iterations)),
        new(nameof(Simulations.Pause), [SimulationField.During], s => new Pause(s.During)),
    ];

    /// <summary>The kinds' names, in <see cref="Kinds"/> order.</summary>
    public static IReadOnlyList<string> KindNames { get; } = Kinds.Select(k => k.Name).ToArray();

    /// <summary>The kind named <paramref name="name"/> (ignoring case), or null.</summary>
    public static SimulationKind? FindKind(string? name)
    {
        foreach (var kind in Kinds)
        {
            if (string.Equals(kind.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Builds the simulation of kind <paramref name="kindName"/> from <paramref name="settings"/>, without validating it.
    /// An unknown name gives a simulation that never runs and whose <see cref="LoadSimulation.Validate"/> names the
    /// mistake and the known kinds, so it is reported with every other problem of the definition.
    /// </summary>
    public static LoadSimulation Build(string kindName, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FindKind(kindName)?.Build(settings) ?? new UnknownSimulation(kindName ?? string.Empty);
    }

    /// <summary>Closed model: <paramref name="copies"/> virtual users for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstant(copies, during);

    /// <summary>Closed model: ramp virtual users to <paramref name="copies"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstant(copies, during);

    /// <summary>Closed model: <paramref name="copies"/> users share <paramref name="iterations"/> iterations.</summary>
    public static LoadSimulation IterationsForConstant(int copies, long iterations) => new IterationsForConstant(copies, iterations);

    /// <summary>Open model: <paramref name="rate"/> iterations per <paramref name="interval"/> for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new Inject(rate, interval, during);

    /// <summary>Open model: ramp the rate to <paramref name="rate"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) => new RampingInject(rate, interval, during);

    /// <summary>Open model: a random rate per interval between the bounds.</summary>
    public static LoadSimulation InjectRandom(int minRate, int maxRate, TimeSpan interval, TimeSpan during) => new InjectRandom(minRate, maxRate, interval, during);

    /// <summary>Open model: <paramref name="rate"/> per <paramref name="interval"/> until <paramref name="iterations"/> started.</summary>
    public static LoadSimulation IterationsForInject(int rate, TimeSpan interval, long iterations) => new IterationsForInject(rate, interval, iterations);

    /// <summary>No load for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during) => new Pause(during);
}
