namespace UnitTrustLoad.Simulator.Capacity;

/// <summary>
/// A known capacity for one operation (<c>Simulator:Capacity:&lt;Operation&gt;</c>): <see cref="Workers"/> servers, each
/// busy for a fixed service time of <c>Workers / PerSecond</c> seconds per request, so the operation serves exactly
/// <see cref="PerSecond"/> requests per second; past that a queue forms and latency climbs without bound.
/// </summary>
public sealed class CapacityOptions
{
    /// <summary>Requests per second the operation serves at most; above 0.</summary>
    public double PerSecond { get; set; }

    /// <summary>Requests served at once (the queue's servers); 4 by default.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>The fixed time each request holds a worker.</summary>
    public TimeSpan ServiceTime => TimeSpan.FromSeconds(Workers / PerSecond);
}
