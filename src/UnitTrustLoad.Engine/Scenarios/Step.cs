namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>Measures a named part of an iteration: <c>await Step.Run("login", ctx, async () =&gt; ...)</c>.</summary>
public static class Step
{
    /// <summary>Runs and records a step. An exception is recorded as a failure with status "exception" and rethrown only if the run is cancelled.</summary>
    public static ValueTask<Response> Run(string name, IScenarioContext context, Func<ValueTask<Response>> run)
        => throw new NotImplementedException();

    /// <summary>Runs and records a step that carries a payload.</summary>
    public static ValueTask<Response<T>> Run<T>(string name, IScenarioContext context, Func<ValueTask<Response<T>>> run)
        => throw new NotImplementedException();
}
