namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>Entry point for defining scenarios: <c>Scenario.Create("name", async ctx =&gt; Response.Ok())</c>.</summary>
public static class Scenario
{
    /// <summary>Defines a scenario whose iteration is <paramref name="run"/>.</summary>
    public static ScenarioProps Create(string name, Func<IScenarioContext, Task<Response>> run)
        => new(name, run);

    /// <summary>Defines a scenario whose iteration is <paramref name="run"/> (ValueTask form, for hot paths).</summary>
    /// <remarks>
    /// Preferred for <c>async ctx =&gt; ...</c> lambdas, which would otherwise match both overloads (CS0121); an
    /// async ValueTask that completes without awaiting allocates nothing.
    /// </remarks>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static ScenarioProps Create(string name, Func<IScenarioContext, ValueTask<Response>> run)
        => new(name, run);
}
