namespace UnitTrustLoad.Engine.Statistics;

/// <summary>
/// Recent statistics of one recorder in slices (cut every second, and wherever a capacity step starts or ends its
/// judgement), so a threshold can judge the last N seconds and a capacity step exactly its own part of the run. Slices
/// older than the longest window asked for are recycled; nothing is kept per request.
/// </summary>
internal sealed class StatsWindow
{
    // Cuts land a few timer ticks off the second; a slice this close to the window's edge still belongs to it.
    private static readonly TimeSpan Edge = TimeSpan.FromMilliseconds(20);

    private readonly Func<long> _dropped;
    private readonly Lock _gate = new();
    private readonly List<Slice> _slices = [];
    private readonly Stack<StepAccumulator> _free = new();
    private TimeSpan _lastCut;
    private long _lastDropped;

    /// <param name="recorder">The recorder this window drains (a mirror of the step's own).</param>
    /// <param name="dropped">The scope's dropped arrivals so far.</param>
    /// <param name="keep">How far back slices are kept.</param>
    public StatsWindow(StepRecorder recorder, Func<long> dropped, TimeSpan keep)
    {
        Recorder = recorder;
        _dropped = dropped;
        Keep = keep;
    }

    /// <summary>What the window drains: recorded beside the scope's own recorder.</summary>
    public StepRecorder Recorder { get; }

    /// <summary>How far back slices are kept.</summary>
    public TimeSpan Keep { get; set; }

    /// <summary>Closes the slice since the previous cut at <paramref name="at"/> (time since the measurement start).</summary>
    public void Cut(TimeSpan at)
    {
        lock (_gate)
        {
            if (at <= _lastCut)
            {
                return;
            }

            var stats = _free.Count > 0 ? _free.Pop() : new StepAccumulator();
            Recorder.DrainInto(stats);
            long dropped = _dropped();
            _slices.Add(new Slice(_lastCut, at, stats, dropped - _lastDropped));
            _lastCut = at;
            _lastDropped = dropped;
            while (_slices.Count > 0 && _slices[0].End < at - Keep)
            {
                _slices[0].Stats.Reset();
                _free.Push(_slices[0].Stats);
                _slices.RemoveAt(0);
            }
        }
    }

    /// <summary>Throws away everything recorded so far and starts slicing at <paramref name="at"/> (after a warm-up).</summary>
    public void Restart(TimeSpan at)
    {
        lock (_gate)
        {
            var discard = new StepAccumulator();
            Recorder.DrainInto(discard);
            foreach (var slice in _slices)
            {
                slice.Stats.Reset();
                _free.Push(slice.Stats);
            }

            _slices.Clear();
            _lastCut = at;
            _lastDropped = _dropped();
        }
    }

    /// <summary>The slices that lie within [<paramref name="from"/>, <paramref name="to"/>], added into <paramref name="into"/>.</summary>
    /// <returns>The time they cover and the arrivals dropped in them.</returns>
    public (TimeSpan Span, long Dropped) SumInto(StepAccumulator into, TimeSpan from, TimeSpan to)
    {
        lock (_gate)
        {
            var start = TimeSpan.MaxValue;
            var end = TimeSpan.Zero;
            long dropped = 0;
            foreach (var slice in _slices)
            {
                if (slice.Start < from - Edge || slice.End > to + Edge)
                {
                    continue;
                }

                into.Add(slice.Stats);
                dropped += slice.Dropped;
                start = slice.Start < start ? slice.Start : start;
                end = slice.End > end ? slice.End : end;
            }

            return (start == TimeSpan.MaxValue ? TimeSpan.Zero : end - start, dropped);
        }
    }

    private readonly record struct Slice(TimeSpan Start, TimeSpan End, StepAccumulator Stats, long Dropped);
}
