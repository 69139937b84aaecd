namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Factory for load simulations, in NBomber's words.</summary>
public static class Simulation
{
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
