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

        var lines = ex.Problems.Select(p => p.ToString()).ToList();
        lines.ShouldContain(p => p.Contains("'dup' is used more than once"));
        lines.ShouldContain(p => p.Contains("Copies must be positive (was 0)"));
        lines.ShouldContain(p => p.Contains("Interval must be a positive time"));
        lines.ShouldContain(p => p.Contains("scenario 'empty': has no load simulation"));
        lines.ShouldContain(p => p.Contains("MinRate 20 is above MaxRate 10"));
        lines.ShouldContain(p => p.Contains("scenario 'negative'") && p.Contains("During must be a positive time"));
        lines.ShouldContain(p => p.Contains("names scenario 'nosuch', which is not defined"));
        ex.Problems.Count.ShouldBe(7);
        ex.Message.ShouldStartWith("The load test definition is invalid:");
    }

    [Fact]
    public void Problems_are_typed_with_scenario_simulation_index_and_field()
    {
        var test = LoadTest.Create("typed").WithScenarios(
            Ok("journey").WithLoadSimulations(Simulation.KeepConstant(2, Second), Simulation.Inject(0, Second, Second)))
            .WithThresholds(new Threshold("p(95) < 500"), new Threshold("p(95 < 5", "journey"));

        var problems = test.Validate();

        problems.Count.ShouldBe(2, string.Join(Environment.NewLine, problems));
        var rate = problems.Single(p => p.Kind == DefinitionProblemKind.NotPositive);
        rate.ShouldBe(new DefinitionProblem(DefinitionProblemKind.NotPositive, "Rate must be positive (was 0)", "set Rate to 1 or more")
        {
            Scenario = "journey",
            SimulationIndex = 1,
            Field = SimulationField.Rate,
        });
        rate.ToString().ShouldBe("scenario 'journey', load simulation 2: Rate must be positive (was 0); set Rate to 1 or more");
        var threshold = problems.Single(p => p.Kind == DefinitionProblemKind.InvalidThreshold);
        threshold.ThresholdIndex.ShouldBe(1);
        threshold.Field.ShouldBe(nameof(Threshold.Expression));
        threshold.Scenario.ShouldBeNull();
    }

    [Fact]
    public void Validate_finds_nothing_in_a_runnable_definition_and_starts_nothing()
    {
        var started = 0;
        var test = LoadTest.Create("fine").WithScenarios(
            Scenario.Create("s", _ =>
            {
                Interlocked.Increment(ref started);
                return new ValueTask<Response>(Response.Ok());
            }).WithLoadSimulations(Simulation.KeepConstant(1, Second)));

        test.Validate().ShouldBeEmpty();
        started.ShouldBe(0);
    }

    [Fact]
    public async Task A_test_without_scenarios_is_rejected()
    {
        var ex = await Should.ThrowAsync<LoadTestDefinitionException>(() => LoadTest.Create("none").RunAsync());

        ex.Problems.ShouldHaveSingleItem().Message.ShouldContain("no scenarios");
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
