using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

/// <summary>Response time from the intended start beside service time (wrk2's coordinated-omission correction, issue 13.10).</summary>
public sealed class ResponseTimeTests
{
    [Fact]
    public async Task Open_model_iterations_report_time_from_their_intended_start_and_closed_ones_do_not()
    {
        var open = Scenario.Create("open", async ctx =>
        {
            await Task.Delay(5);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        var closed = Scenario.Create("closed", async ctx =>
        {
            await Task.Delay(5);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.IterationsForConstant(1, 5));

        var result = await LoadTest.Create("response-time").WithScenarios(open, closed).RunAsync();

        var openResult = result.Scenarios.Single(s => s.Name == "open");
        var response = openResult.ResponseTime.ShouldNotBeNull();

        // From the intended start is never shorter than from the actual start (it adds the start lag).
        response.MinMs.ShouldBeGreaterThanOrEqualTo(openResult.Total.Latency.MinMs);
        response.MaxMs.ShouldBeGreaterThanOrEqualTo(openResult.Total.Latency.MaxMs);
        result.Scenarios.Single(s => s.Name == "closed").ResponseTime.ShouldBeNull();
    }
}
