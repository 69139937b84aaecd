namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>Measures a named part of an iteration: <c>await Step.Run("login", ctx, async () =&gt; ...)</c>.</summary>
public static class Step
{
    /// <summary>
    /// Runs and records a step: its latency, ok/fail, status code and sizes go into the step's statistics. An exception
    /// is recorded as a failure with status "exception" and returned as <see cref="Response.Fail"/>; it is rethrown only
    /// if the run is cancelled. Outside an engine run (another <see cref="IScenarioContext"/>) the step runs unrecorded.
    /// </summary>
    public static ValueTask<Response> Run(string name, IScenarioContext context, Func<ValueTask<Response>> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not ScenarioContext engineContext)
        {
            return run();
        }

        var recorder = engineContext.GetStep(name);
        var clock = engineContext.Clock;
        long start = clock.GetTimestamp();
        ValueTask<Response> pending;
        try
        {
            pending = run();
        }
        catch (Exception ex)
        {
            return new ValueTask<Response>(RecordException(engineContext, recorder, start, ex));
        }

        if (pending.IsCompletedSuccessfully)
        {
            var response = pending.Result;
            recorder.Record(clock.GetTimestamp() - start, response);
            return new ValueTask<Response>(response);
        }

        return AwaitAsync(pending, engineContext, recorder, start);
    }

    /// <summary>Runs and records a step that carries a payload (see <see cref="Run(string, IScenarioContext, Func{ValueTask{Response}})"/>).</summary>
    public static ValueTask<Response<T>> Run<T>(string name, IScenarioContext context, Func<ValueTask<Response<T>>> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not ScenarioContext engineContext)
        {
            return run();
        }

        var recorder = engineContext.GetStep(name);
        var clock = engineContext.Clock;
        long start = clock.GetTimestamp();
        ValueTask<Response<T>> pending;
        try
        {
            pending = run();
        }
        catch (Exception ex)
        {
            return new ValueTask<Response<T>>(new Response<T>(RecordException(engineContext, recorder, start, ex), default));
        }

        if (pending.IsCompletedSuccessfully)
        {
            var response = pending.Result;
            recorder.Record(clock.GetTimestamp() - start, response.Outcome);
            return new ValueTask<Response<T>>(response);
        }

        return AwaitAsync(pending, engineContext, recorder, start);
    }

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
