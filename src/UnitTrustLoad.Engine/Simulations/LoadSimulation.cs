namespace UnitTrustLoad.Engine.Simulations;

/// <summary>One stage of a scenario's load shape. Create them with <see cref="Simulation"/>.</summary>
public abstract record LoadSimulation
{
    /// <summary>A one-line description for reports, for example "Inject 100 per 00:00:01 during 00:00:30".</summary>
    public abstract string Describe();
}

/// <summary>Closed model: a fixed number of virtual users looping for a time.</summary>
public sealed record KeepConstant(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"KeepConstant {Copies} copies during {During}";
}

/// <summary>Closed model: virtual users ramped linearly from the previous stage's level to <see cref="Copies"/>.</summary>
public sealed record RampingConstant(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingConstant to {Copies} copies during {During}";
}

/// <summary>Closed model: <see cref="Copies"/> virtual users share <see cref="Iterations"/> iterations.</summary>
public sealed record IterationsForConstant(int Copies, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForConstant {Copies} copies for {Iterations} iterations";
}

/// <summary>Open model: <see cref="Rate"/> iterations started per <see cref="Interval"/>.</summary>
public sealed record Inject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Inject {Rate} per {Interval} during {During}";
}

/// <summary>Open model: rate ramped linearly from the previous stage's rate to <see cref="Rate"/>.</summary>
public sealed record RampingInject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingInject to {Rate} per {Interval} during {During}";
}

/// <summary>Open model: each interval a random rate between the bounds.</summary>
public sealed record InjectRandom(int MinRate, int MaxRate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"InjectRandom {MinRate}..{MaxRate} per {Interval} during {During}";
}

/// <summary>Open model: <see cref="Rate"/> per <see cref="Interval"/> until <see cref="Iterations"/> have started.</summary>
public sealed record IterationsForInject(int Rate, TimeSpan Interval, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForInject {Rate} per {Interval} for {Iterations} iterations";
}

/// <summary>No load for a while.</summary>
public sealed record Pause(TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Pause during {During}";
}
