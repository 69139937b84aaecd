namespace UnitTrustLoad.Engine.Tests.Running;

/// <summary>Counts iterations in flight and remembers the most seen at once.</summary>
internal sealed class InFlightGauge
{
    private int _current;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public Exit Enter()
    {
        int now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    public readonly struct Exit(InFlightGauge gauge) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gauge._current);
    }
}
