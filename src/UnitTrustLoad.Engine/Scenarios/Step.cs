using System.Runtime.CompilerServices;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>Measures a named part of an iteration: <c>await Step.Run("login", ctx, async () =&gt; ...)</c>.</summary>
/// <remarks>
/// The overloads that take a <c>state</c> argument let a hot path pass what the step needs without a closure:
/// <c>Step.Run("buy", ctx, (client, order), static s =&gt; s.client.BuyAsync(s.order))</c> allocates nothing per call
/// for a step that completes synchronously, and only a pooled state machine for one that awaits.
/// </remarks>
public static class Step
{
    /// <summary>
    /// Runs and records a step: its latency, ok/fail, status code and sizes go into the step's statistics. An exception
    /// is recorded as a failure with status "exception" and returned as <see cref="Response.Fail"/>; it is rethrown only
    /// if the run is cancelled. Outside an engine run (another <see cref="IScenarioContext"/>) the step runs unrecorded.
    /// </summary>
    public static ValueTask<Response> Run(string name, IScenarioContext context, Func<ValueTask<Response>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Run(name, context, run, static run => run());
    }

    /// <summary>Runs and records a step that carries a payload (see <see cref="Run(string, IScenarioContext, Func{ValueTask{Response}})"/>).</summary>
    public static ValueTask<Response<T>> Run<T>(string name, IScenarioContext context, Func<ValueTask<Response<T>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Run(name, context, run, static run => run());
    }

    /// <summary>
    /// Runs and records a step, handing <paramref name="state"/> to <paramref name="run"/> (use a static lambda and a
    /// value tuple for state: no closure is allocated). Recorded as <see cref="Run(string, IScenarioContext, Func{ValueTask{Response}})"/>.
    /// </summary>
    public static ValueTask<Response> Run<TState>(string name, IScenarioContext context, TState state, Func<TState, ValueTask<Response>> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not ScenarioContext engineContext)
        {
            return run(state);
        }

        var recorder = engineContext.GetStep(name);
        long start = engineContext.Clock.GetTimestamp();
        ValueTask<Response> pending;
        try
        {
            pending = run(state);
        }
        catch (Exception ex)
        {
            return new ValueTask<Response>(RecordException(engineContext, recorder, start, ex));
        }

        if (pending.IsCompletedSuccessfully)
        {
            var response = pending.Result;
            recorder.Record(engineContext.Clock.GetTimestamp() - start, response);
            return new ValueTask<Response>(response);
        }

        return AwaitAsync(pending, engineContext, recorder, start);
    }

    /// <summary>Runs and records a step that carries a payload, handing it <paramref name="state"/> (see the overload above).</summary>
    public static ValueTask<Response<T>> Run<TState, T>(string name, IScenarioContext context, TState state, Func<TState, ValueTask<Response<T>>> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not ScenarioContext engineContext)
        {
            return run(state);
        }

        var recorder = engineContext.GetStep(name);
        long start = engineContext.Clock.GetTimestamp();
        ValueTask<Response<T>> pending;
        try
        {
            pending = run(state);
        }
        catch (Exception ex)
        {
            return new ValueTask<Response<T>>(new Response<T>(RecordException(engineContext, recorder, start, ex), default));
        }

        if (pending.IsCompletedSuccessfully)
        {
            var response = pending.Result;
            recorder.Record(engineContext.Clock.GetTimestamp() - start, response.Outcome);
            return new ValueTask<Response<T>>(response);
        }

        return AwaitAsync(pending, engineContext, recorder, start);
    }

    // Pooled: a step that awaits (every network call) reuses its state machine instead of allocating one per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Response> AwaitAsync(ValueTask<Response> pending, ScenarioContext context, Statistics.StepRecorder recorder, long start)
    {
        try
        {
            var response = await pending.ConfigureAwait(false);
            recorder.Record(context.Clock.GetTimestamp() - start, response);
            return response;
        }
        catch (Exception ex)
        {
            return RecordException(context, recorder, start, ex);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Response<T>> AwaitAsync<T>(ValueTask<Response<T>> pending, ScenarioContext context, Statistics.StepRecorder recorder, long start)
    {
        try
        {
            var response = await pending.ConfigureAwait(false);
            recorder.Record(context.Clock.GetTimestamp() - start, response.Outcome);
            return response;
        }
        catch (Exception ex)
        {
            return new Response<T>(RecordException(context, recorder, start, ex), default);
        }
    }

    private static Response RecordException(ScenarioContext context, Statistics.StepRecorder recorder, long start, Exception ex)
    {
        var failure = Response.Fail("exception", ex.Message);
        recorder.Record(context.Clock.GetTimestamp() - start, failure);
        if (context.CancellationToken.IsCancellationRequested)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
        }

        return failure;
    }
}
