using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// The closed model: virtual users are long-running loops, each starting its next iteration when the previous one
/// ends. Copies are numbered; lowering the target makes the highest-numbered ones leave after their current
/// iteration, and a number is reused only once its previous loop has ended, so in-flight iterations never exceed
/// the copies asked for.
/// </summary>
internal sealed class ClosedModelRunner
{
    /// <summary>How often a ramp re-reads its target.</summary>
    private static readonly TimeSpan ControlTick = TimeSpan.FromMilliseconds(10);

    private readonly ScenarioRuntime _runtime;
    private readonly List<Task> _copies = [];
    private readonly List<ScenarioContext> _contexts = [];
    private int _target;
    private int _active;
    private long _budget;
    private volatile bool _budgeted;
    private CancellationToken _stop;

    public ClosedModelRunner(ScenarioRuntime runtime) => _runtime = runtime;

    public int Active => Volatile.Read(ref _active);

    /// <summary>Runs one closed stage until its time or iterations are used up, or <paramref name="stop"/> fires.</summary>
    public async Task RunStageAsync(LoadStage stage, CancellationToken stop)
    {
        _stop = stop;
        var clock = _runtime.Clock;
        long stageStart = clock.GetTimestamp();
        if (stage.Iterations is { } iterations)
        {
            Interlocked.Exchange(ref _budget, iterations);
            _budgeted = true;
            _ = SetTarget(stage.To);

            // A stop must not wait here for slow iterations: the run's grace period governs them.
            await WhenStoppedOrAsync(stop).ConfigureAwait(false);
            _budgeted = false;
            return;
        }

        var during = stage.During ?? TimeSpan.Zero;
        int applied = -1;
        bool complete = false;
        while (!stop.IsCancellationRequested)
        {
            var elapsed = clock.GetElapsedTime(stageStart);
            if (elapsed >= during)
            {
                break;
            }

            // Walk the copies only when the target moved or a copy could not be started yet (10,000 copies × 100 ticks/s otherwise).
            int target = LoadPlan.CopiesAt(stage, elapsed);
            if (target != applied || !complete)
            {
                complete = SetTarget(target);
                applied = target;
            }

            var wait = during - elapsed;
            await ClockWait.DelayAsync(clock, wait < ControlTick ? wait : ControlTick, stop).ConfigureAwait(false);
        }

        // Hold the stage's end level until the next stage takes over.
        if (!stop.IsCancellationRequested)
        {
            _ = SetTarget(LoadPlan.CopiesAt(stage, during));
        }
    }

    /// <summary>Sends every copy home after its current iteration.</summary>
    public void StopAll() => Volatile.Write(ref _target, 0);

    /// <summary>Completes when every copy loop has ended.</summary>
    public Task WhenStoppedAsync()
    {
        lock (_copies)
        {
            return Task.WhenAll([.. _copies]);
        }
    }

    private async Task WhenStoppedOrAsync(CancellationToken stop)
    {
        var stopped = WhenStoppedAsync();
        if (stopped.IsCompleted)
        {
            return;
        }

        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = stop.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), cancelled);
        await Task.WhenAny(stopped, cancelled.Task).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the wanted copies and starts the missing ones. Returns false while the running copies differ from the
    /// target (a number still held by a leaving copy, or copies above the target still finishing), to be retried.
    /// </summary>
    private bool SetTarget(int target)
    {
        Volatile.Write(ref _target, target);
        lock (_copies)
        {
            for (int i = 0; i < target; i++)
            {
                if (i == _copies.Count)
                {
                    _contexts.Add(new ScenarioContext(_runtime, i));
                    _copies.Add(StartCopy(i));
                }
                else if (_copies[i].IsCompleted)
                {
                    _copies[i] = StartCopy(i);
                }
            }
        }

        return Active == target;
    }

    private Task StartCopy(int index)
    {
        Interlocked.Increment(ref _active);
        return Task.Run(() => LoopAsync(index, _contexts[index]));
    }

    private async Task LoopAsync(int index, ScenarioContext context)
    {
        try
        {
            int inline = 0;
            while (index < Volatile.Read(ref _target) && !_stop.IsCancellationRequested)
            {
                if (_budgeted && Interlocked.Decrement(ref _budget) < 0)
                {
                    break;
                }

                var pending = _runtime.RunIterationAsync(context);
                if (!pending.IsCompletedSuccessfully)
                {
                    await pending.ConfigureAwait(false);
                    inline = 0;
                }
                else if (++inline == 64)
                {
                    // A scenario that never awaits would otherwise hold this thread and starve the other copies.
                    inline = 0;
                    await Task.Yield();
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }
}
