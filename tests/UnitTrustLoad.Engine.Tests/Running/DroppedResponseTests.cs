using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Running;

public sealed class DroppedResponseTests
{
    [Fact]
    public async Task An_iteration_the_scenario_drops_counts_as_dropped_not_as_a_failure_or_a_latency()
    {
        var scenario = Scenario.Create("shortage", ctx => new ValueTask<Response>(
            ctx.InvocationNumber % 2 == 0 ? Response.Dropped("no free account") : Response.Ok()))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 10));

        var result = await LoadTest.Create("dropped").WithScenarios(scenario).RunAsync();

        var stats = result.Scenarios[0];
        stats.Total.Count.ShouldBe(5);
        stats.Total.FailCount.ShouldBe(0);
        stats.DroppedIterations.ShouldBe(5);
        stats.Total.StatusCodes.ShouldNotContainKey(Response.DroppedStatus);
    }

    [Fact]
    public void Peak_copies_are_the_closed_stages_highest_level()
    {
        Simulation.PeakCopies([Simulation.RampingConstant(10, TimeSpan.FromSeconds(5)), Simulation.KeepConstant(4, TimeSpan.FromSeconds(5))]).ShouldBe(10);
        Simulation.PeakCopies([Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))]).ShouldBe(0);
    }
}
