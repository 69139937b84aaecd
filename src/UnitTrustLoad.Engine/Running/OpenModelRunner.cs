using System.Collections.Concurrent;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// The open model: a scheduler computes each arrival's intended start time (an interval's arrivals spread evenly
/// across it) and hands the iteration to the thread pool at that time, never waiting for earlier iterations, so a
/// slow target cannot slow the arrival rate (no coordinated omission).
/// </summary>
/// <remarks>
/// <para><b>Dropped iteration</b>: an arrival that could not be started on time. That is either (a) the scheduler
/// reached it more than <see cref="LateTolerance"/> after its intended time (the generator was saturated or paused,
/// for example by the machine or a garbage collection), or (b) the scenario already had its maximum of iterations in
/// flight (<c>MaxConcurrency</c>, or <see cref="DefaultMaxConcurrency"/> when that is 0). A dropped arrival is counted
/// in <c>DroppedIterations</c> and never started later: delaying it would hide the overload.</para>
/// </remarks>
internal sealed class OpenModelRunner
{
    /// <summary>The cap on in-flight iterations when the scenario sets none.</summary>
    public const int DefaultMaxConcurrency = 10_000;

    /// <summary>How late an arrival may start and still count as on time.</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromMilliseconds(50);

    private readonly ScenarioRuntime _runtime;
    private readonly int _maxConcurrency;
    private readonly ConcurrentQueue<OpenSlot> _free = new();
    private int _inFlight;
    private int _slots;

    public OpenModelRunner(ScenarioRuntime runtime, int maxConcurrency)
    {
        _runtime = runtime;
        _maxConcurrency = maxConcurrency;
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Runs one open stage on a dedicated thread (precise wake-ups on the real clock).</summary>
    public Task RunStageAsync(LoadStage stage, CancellationToken stop)
        => Task.Factory.StartNew(() => ScheduleAsync(stage, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Called by a slot when its iteration has ended.</summary>
    public void Release(OpenSlot slot)
    {
        _free.Enqueue(slot);
        Interlocked.Decrement(ref _inFlight);
    }

    private async Task ScheduleAsync(LoadStage stage, CancellationToken stop)
    {
        var clock = _runtime.Clock;
        long stageStart = clock.GetTimestamp();
        long intervals = LoadPlan.IntervalCount(stage);
        long lateTicks = LateTolerance.Ticks;
        try
        {
            for (long j = 0; j < intervals && !stop.IsCancellationRequested; j++)
            {
                int rate = LoadPlan.RateOfInterval(stage, j);
                int arrivals = LoadPlan.ArrivalsInInterval(stage, j);
                _runtime.TargetRate = rate / stage.Interval.TotalSeconds;
                if (arrivals == 0)
                {
                    await ClockWait.WaitUntilAsync(clock, stageStart, TimeSpan.FromTicks((j + 1) * stage.Interval.Ticks), stop).ConfigureAwait(false);
                    continue;
                }

                for (int k = 0; k < arrivals; k++)
                {
                    var due = LoadPlan.ArrivalOffset(stage, j, k, rate);
                    var now = clock.GetElapsedTime(stageStart);
                    if (now < due)
                    {
                        await ClockWait.WaitUntilAsync(clock, stageStart, due, stop).ConfigureAwait(false);
                        now = clock.GetElapsedTime(stageStart);
                    }

                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    long lag = now.Ticks - due.Ticks;
                    if (lag > lateTicks || !TryStart(lag))
                    {
                        _runtime.AddDropped();
                    }
                }
            }

            // A time-bound stage lasts its full time even when its last arrival came earlier.
            if (stage.During is { } during)
            {
                await ClockWait.WaitUntilAsync(clock, stageStart, during, stop).ConfigureAwait(false);
            }
        }
        finally
        {
            _runtime.TargetRate = 0;
        }
    }

    private bool TryStart(long lagTicks)
    {
        if (Interlocked.Increment(ref _inFlight) > _maxConcurrency)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        if (!_free.TryDequeue(out var slot))
        {
            slot = new OpenSlot(this, _runtime, Interlocked.Increment(ref _slots) - 1);
        }

        slot.Queue(lagTicks * _runtime.Clock.TimestampFrequency / TimeSpan.TicksPerSecond);
        return true;
    }
}
