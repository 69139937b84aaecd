using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Engine.Statistics;

/// <summary>
/// Live statistics of one step (or of a scenario's whole iteration): recorded from many threads through striped
/// lanes, drained once per reporting interval. Nothing per request is kept.
/// </summary>
internal sealed class StepRecorder
{
    private readonly StatsStripe[] _stripes;
    private readonly int _mask;
    private readonly long _ticksPerSecond;

    public StepRecorder(string name, long ticksPerSecond)
    {
        Name = name;
        _ticksPerSecond = ticksPerSecond;
        int lanes = 4;
        while (lanes < Environment.ProcessorCount * 2)
        {
            lanes <<= 1;
        }

        _stripes = new StatsStripe[lanes];
        for (int i = 0; i < lanes; i++)
        {
            _stripes[i] = new StatsStripe();
        }

        _mask = lanes - 1;
    }

    public string Name { get; }

    /// <summary>A second recorder that sees every record too (a <see cref="StatsWindow"/>'s), or null: one null check otherwise.</summary>
    public StepRecorder? Mirror { get; set; }

    /// <summary>Records one invocation; <paramref name="elapsedTicks"/> in the run clock's timestamp units.</summary>
    public void Record(long elapsedTicks, in Response response)
    {
        long micros = LatencyHistogram.ToMicroseconds(elapsedTicks, _ticksPerSecond);
        int lane = Environment.CurrentManagedThreadId & _mask;
        _stripes[lane].Record(micros, response);
        Mirror?._stripes[lane].Record(micros, response);
    }

    /// <summary>Moves everything recorded since the last drain into <paramref name="into"/>.</summary>
    public void DrainInto(StepAccumulator into)
    {
        foreach (var stripe in _stripes)
        {
            stripe.DrainInto(into);
        }
    }
}
