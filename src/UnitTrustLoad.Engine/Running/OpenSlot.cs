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

    public OpenSlot(OpenModelRunner runner, ScenarioRuntime runtime, int number)
    {
        _runner = runner;
        _runtime = runtime;
        _context = new ScenarioContext(runtime, number);
    }

    public void Execute()
    {
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
