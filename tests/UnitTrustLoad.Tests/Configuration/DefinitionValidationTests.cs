using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>The engine judges the load shape the options describe; the configuration names each problem by its path, once.</summary>
public sealed class DefinitionValidationTests
{
    private static SuiteConfiguration Load(params string[] args)
        => SuiteConfiguration.Load(CommandLine.Parse(args), SuiteConfiguration.FindConfigDirectory());

    private static string Text(SuiteConfiguration config) => string.Join(Environment.NewLine, config.Problems);

    [Fact]
    public void A_stage_the_engine_rejects_is_named_by_its_configuration_path_with_the_engines_fix()
    {
        var config = Load(
            "--Load:Scenarios:journey:Simulations:0:Kind=Inject",
            "--Load:Scenarios:journey:Simulations:0:Rate=0",
            "--Load:Scenarios:journey:Simulations:1:Kind=InjectRandom",
            "--Load:Scenarios:journey:Simulations:1:MinRate=9",
            "--Load:Scenarios:journey:Simulations:1:MaxRate=3",
            "--Load:Scenarios:journey:Simulations:1:During=00:00:05");

        config.Options.ShouldBeNull();
        config.Problems.ShouldBe(
        [
            "Load:Scenarios:journey:Simulations:0:Rate: Rate must be positive (was 0); set Rate to 1 or more.",
            "Load:Scenarios:journey:Simulations:1:MinRate: MinRate 9 is above MaxRate 3; swap them, so that MinRate <= MaxRate.",
        ]);
    }

    [Fact]
    public void An_unknown_kind_is_reported_once_at_its_kind_and_not_also_as_a_scenario_without_load()
    {
        var config = Load("--Load:Scenarios:journey:Simulations:0:Kind=Hover");

        config.Problems.ShouldHaveSingleItem().ShouldBe(
            "Load:Scenarios:journey:Simulations:0:Kind: 'Hover' is not a load simulation; use one of "
            + string.Join(", ", Simulation.KindNames) + ".");
    }

    [Fact]
    public void A_threshold_that_does_not_parse_is_reported_before_any_traffic_at_its_path()
    {
        var config = Load("--Thresholds:1:Expression=p(95) << 2000");

        var problem = config.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("Thresholds:1:Expression: \"p(95) << 2000\" (run): ");
        problem.ShouldContain("at position 8");
    }

    [Fact]
    public void A_step_threshold_without_its_scenario_is_reported_once()
    {
        var config = Load("--Thresholds:2:Expression=p(95) < 500", "--Thresholds:2:Step=register");

        config.Problems.ShouldHaveSingleItem().ShouldStartWith("Thresholds:2:Step: ");
    }

    [Fact]
    public void A_value_already_out_of_range_is_not_named_again_by_the_engine()
    {
        var config = Load("--vus", "0", "--Load:Scenarios:journey:Simulations:0:Copies=-2");

        var text = Text(config);
        config.Problems.Count(p => p.StartsWith("Load:Vus (--vus): ", StringComparison.Ordinal)).ShouldBe(1, text);
        config.Problems.Count(p => p.StartsWith("Load:Scenarios:journey:Simulations:0:Copies: ", StringComparison.Ordinal)).ShouldBe(1, text);
    }

    [Fact]
    public void With_a_shortcut_the_configured_stages_are_still_checked()
    {
        var config = Load("--vus", "3", "--Load:Scenarios:journey:Simulations:0:During=00:00:00");

        config.Problems.ShouldHaveSingleItem().ShouldStartWith("Load:Scenarios:journey:Simulations:0:During: During must be a positive time");
    }

    [Fact]
    public void An_enabled_scenario_without_stages_says_how_to_add_one_in_the_file()
    {
        var options = Load().Options!;
        options.Load.Scenarios["sale"] = new ScenarioOptions { Enabled = true };
        var problems = new List<string>();

        DefinitionValidation.Check(options, problems);

        problems.ShouldHaveSingleItem().ShouldBe(
            "Load:Scenarios:sale:Simulations: has no load simulation; add one (for example { \"Kind\": \"KeepConstant\", \"Copies\": 5, \"During\": \"00:01:00\" }) or use --vus/--rate.");
    }

    [Fact]
    public void The_simulators_own_rules_are_reported_in_the_same_list_as_the_suites()
    {
        var config = Load("--Simulator:ClientSecret=short", "--Simulator:Funds:0:Code=MMF", "--Simulator:Funds:0:UnitPrice=0", "--Data:PurchaseMin=9000", "--Data:PurchaseMax=10");

        var text = Text(config);
        text.ShouldContain("Simulator:ClientSecret is shorter than 8 characters");
        text.ShouldContain("Simulator:Funds:0:UnitPrice is 0");
        text.ShouldContain("Data:PurchaseMin: 9000 is above Data:PurchaseMax 10");
    }
}
