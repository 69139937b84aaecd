using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>The enabled scenarios as engine definitions, each with its own load shape.</summary>
internal static class ScenarioCatalog
{
    public static List<ScenarioProps> Build(LoadOptions load, ScenarioServices services, int seed)
    {
        var result = new List<ScenarioProps>();
        foreach (var name in ScenarioNames.All)
        {
            if (!load.Scenarios.TryGetValue(name, out var options) || !options.Enabled)
            {
                continue;
            }

            Func<IScenarioContext, ValueTask<Response>> run = name switch
            {
                ScenarioNames.Journey => new JourneyScenario(services, new ThinkTimer(options.ThinkTime, seed)).RunAsync,
                ScenarioNames.Register => new RegisterScenario(services).RunAsync,
                ScenarioNames.JoinFund => new JoinFundScenario(services).RunAsync,
                ScenarioNames.Purchase => new PurchaseScenario(services.Steps, services.Pool).RunAsync,
                ScenarioNames.Balance => new BalanceScenario(services.Steps, services.Pool).RunAsync,
                _ => new SaleScenario(services.Steps, services.Pool).RunAsync,
            };

            if (name != ScenarioNames.Journey && !options.ThinkTime.IsZero)
            {
                // A single-operation scenario thinks after its operation (Locust's wait_time), investor returned first.
                run = ThinkAfter(run, new ThinkTimer(options.ThinkTime, seed));
            }

            // After a connection error a user waits 10 ms, doubling to 1 s, with jitter: no spinning on a target that is down.
            var scenario = LoadDefinition.Scenario(name, options, load, run).WithBackoff(RefusalBackoff);
            if (ScenarioNames.UsesPool(name))
            {
                scenario = scenario.WithInit(context => services.Pool.PrepareAsync(context.CancellationToken));
            }

            result.Add(scenario);
        }

        return result;
    }

    private static Func<IScenarioContext, ValueTask<Response>> ThinkAfter(Func<IScenarioContext, ValueTask<Response>> run, ThinkTimer think) =>
        async context =>
        {
            var response = await run(context).ConfigureAwait(false);
            await think.PauseAsync(context, 0).ConfigureAwait(false);
            return response;
        };

    /// <summary>The milliseconds users waited after connection errors, summed (the reports' "connection outage").</summary>
    public const string ConnectionBackoffCounter = "connection_backoff_ms";

    private static readonly BackoffRule RefusalBackoff = new(
        static response => response.IsError && string.Equals(response.StatusCode, CallStatus.ConnectionError, StringComparison.Ordinal),
        TimeSpan.FromMilliseconds(10),
        TimeSpan.FromSeconds(1),
        ConnectionBackoffCounter);

    /// <summary>"journey: KeepConstant 4 copies during 00:00:30" lines for the report's settings.</summary>
    public static string Describe(ScenarioProps scenario)
    {
        var parts = new List<string>();
        foreach (var simulation in scenario.LoadSimulations)
        {
            parts.Add(simulation.Describe());
        }

        return string.Join(", then ", parts);
    }
}
