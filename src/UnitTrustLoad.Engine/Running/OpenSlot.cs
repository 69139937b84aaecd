using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// A reusable open-model virtual user: queued straight onto the thread pool (no delegate or closure per arrival)
/// and returned to its runner's free list when its iteration ends.
/// </summary>
internal sealed class OpenSlot : IThreadPoolWorkItem
{
    private readonly OpenModelRunner _runner;
    private readonly ScenarioRuntime _runtime;
    private readonly ScenarioContext _context;
    private long _queuedAt;
    private long _lateAtQueue;

    public OpenSlot(OpenModelRunner runner, ScenarioRuntime runtime, int number)
    {
        _runner = runner;
        _runtime = runtime;
        _context = new ScenarioContext(runtime, number);
    }

    /// <summary>Hands the slot to the thread pool; <paramref name="lateBy"/> is how late the scheduler already was, in clock timestamp units.</summary>
    public void Queue(long lateBy)
    {
        _lateAtQueue = lateBy;
        _queuedAt = _runtime.Clock.GetTimestamp();
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void Execute()
    {
        // An arrival still waiting in the thread pool's queue when the test is stopped is a new iteration, and a stop
        // means none: on a saturated machine hundreds can be queued behind the iteration that called StopTest.
        if (_runtime.Run.StopRequested)
        {
            _runner.Release(this);
            return;
        }

        // Start lag as the iteration sees it: the scheduler's lateness plus the wait in the thread pool's queue.
        var lag = _lateAtQueue + (_runtime.Clock.GetTimestamp() - _queuedAt);
        _runtime.StartLag.Record(lag, Response.Ok());
        _context.StartLagTicks = lag;
        var pending = _runtime.RunIterationAsync(_context);
        if (pending.IsCompletedSuccessfully)
        {
            _runner.Release(this);
            return;
        }

        _ = CompleteAsync(pending);
    }

    private async Task CompleteAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        finally
        {
            _runner.Release(this);
        }
    }
}
