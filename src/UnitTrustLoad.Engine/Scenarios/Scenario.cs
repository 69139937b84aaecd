namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>Entry point for defining scenarios: <c>Scenario.Create("name", async ctx =&gt; Response.Ok())</c>.</summary>
public static class Scenario
{
    /// <summary>Defines a scenario whose iteration is <paramref name="run"/>.</summary>
    public static ScenarioProps Create(string name, Func<IScenarioContext, Task<Response>> run)
        => new(name, run);

    /// <summary>Defines a scenario whose iteration is <paramref name="run"/> (ValueTask form, for hot paths).</summary>
    public static ScenarioProps Create(string name, Func<IScenarioContext, ValueTask<Response>> run)
        => new(name, run);
}
