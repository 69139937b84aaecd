namespace UnitTrustLoad.Simulator.Capacity;

/// <summary>
/// One operation's queue: a request takes the worker that is free first and holds it for the fixed service time.
/// Kept in the clock's time rather than in timers (each worker's "free at"), so a timer that fires late never costs
/// capacity: the operation serves exactly Workers / ServiceTime requests per second, and waiting requests queue.
/// </summary>
internal sealed class CapacityQueue
{
    private readonly Lock _gate = new();
    private readonly long[] _freeAt;
    private readonly long _serviceTicks;
    private readonly TimeProvider _time;

    public CapacityQueue(CapacityOptions options, TimeProvider time)
    {
        _freeAt = new long[options.Workers];
        _time = time;
        _serviceTicks = (long)(options.ServiceTime.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>How long a request arriving now waits, queue and service together.</summary>
    public TimeSpan Admit()
    {
        long now = _time.GetTimestamp();
        long finish;
        lock (_gate)
        {
            int first = 0;
            for (int i = 1; i < _freeAt.Length; i++)
            {
                if (_freeAt[i] < _freeAt[first])
                {
                    first = i;
                }
            }

            finish = Math.Max(now, _freeAt[first]) + _serviceTicks;
            _freeAt[first] = finish;
        }

        return TimeSpan.FromSeconds((finish - now) / (double)_time.TimestampFrequency);
    }
}
