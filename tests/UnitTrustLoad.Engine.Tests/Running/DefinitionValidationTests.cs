using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Running;

public sealed class DefinitionValidationTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static ScenarioProps Ok(string name) => Scenario.Create(name, static ctx => new ValueTask<Response>(Response.Ok()));

    [Fact]
    public async Task Every_problem_is_reported_at_once_before_any_load()
    {
        var test = LoadTest.Create("bad").WithScenarios(
            Ok("dup").WithLoadSimulations(Simulation.KeepConstant(0, Second)),
            Ok("dup").WithLoadSimulations(Simulation.Inject(10, TimeSpan.Zero, Second)),
            Ok("empty"),
            Ok("random").WithLoadSimulations(Simulation.InjectRandom(20, 10, Second, Second)),
            Ok("negative").WithLoadSimulations(Simulation.Pause(TimeSpan.FromSeconds(-1))))
            .WithThresholds(new Threshold("p(95) < 500", "nosuch"));

        var ex = await Should.ThrowAsync<LoadTestDefinitionException>(() => test.RunAsync());

        ex.Problems.ShouldContain(p => p.Contains("'dup' is used more than once"));
        ex.Problems.ShouldContain(p => p.Contains("copies must be positive (was 0)"));
        ex.Problems.ShouldContain(p => p.Contains("interval must be a positive time"));
        ex.Problems.ShouldContain(p => p.Contains("scenario 'empty' has no load simulation"));
        ex.Problems.ShouldContain(p => p.Contains("minRate 20 is above maxRate 10"));
        ex.Problems.ShouldContain(p => p.Contains("scenario 'negative'") && p.Contains("during must be a positive time"));
        ex.Problems.ShouldContain(p => p.Contains("names scenario 'nosuch', which is not defined"));
        ex.Problems.Count.ShouldBe(7);
        ex.Message.ShouldStartWith("The load test definition is invalid:");
    }

    [Fact]
    public async Task A_test_without_scenarios_is_rejected()
    {
        var ex = await Should.ThrowAsync<LoadTestDefinitionException>(() => LoadTest.Create("none").RunAsync());

        ex.Problems.ShouldHaveSingleItem().ShouldContain("no scenarios");
    }

    [Fact]
    public async Task Ramps_down_to_zero_are_valid()
    {
        var result = await LoadTest.Create("down").WithScenarios(
            Ok("down").WithLoadSimulations(
                Simulation.RampingInject(0, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)),
                Simulation.RampingConstant(0, TimeSpan.FromMilliseconds(200)))).RunAsync();

        result.Scenarios[0].Total.Count.ShouldBe(0);
    }
}
