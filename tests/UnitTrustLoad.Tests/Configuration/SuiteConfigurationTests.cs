using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Tests.Configuration;

public sealed class SuiteConfigurationTests
{
    private static SuiteConfiguration Load(params string[] args)
        => SuiteConfiguration.Load(CommandLine.Parse(args), SuiteConfiguration.FindConfigDirectory());

    [Fact]
    public void Default_configuration_is_valid_and_runs_only_the_journey_on_the_embedded_simulator()
    {
        var config = Load();

        config.Problems.ShouldBeEmpty();
        var options = config.Options!;
        options.UsesEmbeddedSimulator.ShouldBeTrue();
        options.Load.Scenarios.Where(s => s.Value.Enabled).Select(s => s.Key).ShouldBe([ScenarioNames.Journey]);
        options.Report.TimeZone.ShouldBe("Africa/Nairobi");
    }

    [Theory]
    [InlineData("smoke")]
    [InlineData("load")]
    [InlineData("stress")]
    [InlineData("spike")]
    [InlineData("soak")]
    [InlineData("breakpoint")]
    public void Every_shipped_profile_is_valid(string profile)
    {
        var config = Load("--profile", profile);

        config.Problems.ShouldBeEmpty();
        config.Options!.Load.TestName.ShouldBe(profile);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_configuration_path()
    {
        var config = Load(
            "--duration", "5 minutes",
            "--Target:Colour=blue",
            "--Load:Scenarios:journey:Simulations:0:Copies=many",
            "--Report:LiveView=perhaps",
            "--Thresholds:x:Expression=p(95) < 1");

        config.Options.ShouldBeNull();
        config.Problems.Count.ShouldBe(5, string.Join(Environment.NewLine, config.Problems));
        config.Problems.ShouldContain(p => p.StartsWith("Load:Duration (--duration): '5 minutes' is not a duration", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Target:Colour: unknown setting", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Load:Scenarios:journey:Simulations:0:Copies: 'many'", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Report:LiveView: 'perhaps' is not true or false", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Thresholds:x:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_setting_does_not_hide_range_and_cross_field_problems()
    {
        var config = Load("--Auth:Scop=x", "--vus", "-3", "--target", "ftp://nowhere");

        config.Options.ShouldBeNull();
        var text = string.Join(Environment.NewLine, config.Problems);
        text.ShouldContain("Auth:Scop: unknown setting");
        text.ShouldContain("Load:Vus (--vus):");
        text.ShouldContain("Target:BaseUrl (--target): 'ftp://nowhere' is not an absolute http(s) URL");
    }

    [Fact]
    public void Range_and_cross_field_rules_are_reported_together()
    {
        var config = Load(
            "--vus", "0",
            "--rate", "5",
            "--Data:PurchaseMin=5000",
            "--Data:PurchaseMax=1000",
            "--Load:Scenarios:journey:Simulations:0:Kind=Hover",
            "--Simulator:Faults:Teleport:ErrorRate=2");

        config.Options.ShouldBeNull();
        var text = string.Join(Environment.NewLine, config.Problems);
        text.ShouldContain("Load:Vus (--vus):");
        text.ShouldContain("choose the closed model (--vus) or the open model (--rate)");
        text.ShouldContain("Data:PurchaseMin: 5000 is above Data:PurchaseMax 1000");
        text.ShouldContain("Simulator:Faults:Teleport is not an operation; use one of Token, Register, JoinFund, Purchase, FetchBalance, Sell.");
    }

    [Fact]
    public void A_remote_target_needs_credentials_and_says_where_the_secret_goes()
    {
        var config = Load("--target", "https://api.example.test");

        config.Problems.ShouldContain(p => p.Contains("UNITTRUSTLOAD_Auth__ClientSecret", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Auth:ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_options_and_scenarios_are_named_with_the_fix()
    {
        var config = Load("--turbo", "--scenario", "checkout", "stray");

        config.Problems.ShouldContain(p => p.StartsWith("Unknown option '--turbo'", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("--scenario 'checkout' is not a scenario", StringComparison.Ordinal));
        config.Problems.ShouldContain(p => p.StartsWith("Unexpected argument 'stray'", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_option_runs_only_the_named_scenarios()
    {
        var config = Load("--scenario", "register", "--scenario", "balance");

        config.Problems.ShouldBeEmpty();
        config.Options!.Load.Scenarios.Where(s => s.Value.Enabled).Select(s => s.Key).Order().ShouldBe(["balance", "register"]);
    }

    [Fact]
    public void Vus_and_duration_replace_each_running_scenarios_shape_with_a_closed_model()
    {
        var options = Load("--vus", "7", "--duration", "00:02:00").Options!;

        var shape = SimulationMapper.For(options.Load.Scenarios[ScenarioNames.Journey], options.Load);

        shape.ShouldBe([new KeepConstant(7, TimeSpan.FromMinutes(2))]);
    }

    [Fact]
    public void Rate_replaces_the_shape_with_an_open_model_per_second()
    {
        var options = Load("--rate", "40").Options!;

        var shape = SimulationMapper.For(options.Load.Scenarios[ScenarioNames.Journey], options.Load);

        shape.ShouldBe([new Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))]);
    }

    [Fact]
    public void Profile_that_does_not_exist_lists_the_ones_that_do()
    {
        var config = Load("--profile", "turbo");

        config.Problems.ShouldContain(p => p.Contains("--profile 'turbo'", StringComparison.Ordinal) && p.Contains("smoke", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_config_file_is_named_with_its_full_path()
    {
        var config = Load("--config", "no/such/file.json");

        config.Problems.ShouldContain(p => p.StartsWith("--config 'no/such/file.json': no such file", StringComparison.Ordinal));
    }

    [Fact]
    public void Config_file_is_layered_over_the_defaults_and_profile_over_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Data": { "Fund": "EQF" }, "Load": { "TestName": "from-file" } }""");
        try
        {
            var config = Load("--config", file, "--profile", "smoke");

            config.Problems.ShouldBeEmpty();
            config.Options!.Data.Fund.ShouldBe("EQF");
            config.Options.Load.TestName.ShouldBe("smoke");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
