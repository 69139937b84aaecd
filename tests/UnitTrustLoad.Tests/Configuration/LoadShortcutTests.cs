using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>What --duration, --vus, --rate and --stage do to each running scenario's load shape.</summary>
public sealed class LoadShortcutTests
{
    private static SuiteConfiguration Load(params string[] args)
        => SuiteConfiguration.Load(CommandLine.Parse(args), SuiteConfiguration.FindConfigDirectory());

    private static List<LoadSimulation> ShapeOf(SuiteOptions options, string scenario)
        => SimulationMapper.For(options.Load.Scenarios[scenario], options.Load);

    [Fact]
    public void Duration_alone_fits_the_spike_profiles_stages_to_it_keeping_their_kinds_and_rates()
    {
        var options = Load("--profile", "spike", "--duration", "8s").Options!;

        var shape = ShapeOf(options, ScenarioNames.Journey);

        // spike.json: 60 s at 10/s, a 10-s ramp to 500/s, 60 s at 500/s, a 10-s ramp down, 120 s at 10/s (260 s):
        // each stage keeps its share of the length, its ends rounded to the millisecond.
        var s = TimeSpan.FromSeconds(1);
        shape.ShouldBe(
        [
            new Inject(10, s, TimeSpan.FromMilliseconds(1846)),
            new RampingInject(500, s, TimeSpan.FromMilliseconds(2154 - 1846)),
            new Inject(500, s, TimeSpan.FromMilliseconds(4000 - 2154)),
            new RampingInject(10, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(4308 - 4000)),
            new Inject(10, s, TimeSpan.FromMilliseconds(8000 - 4308)),
        ]);
    }

    [Theory]
    [InlineData("stress")]
    [InlineData("breakpoint")]
    [InlineData("spike")]
    public void Duration_alone_keeps_every_profiles_stages_and_their_total_is_the_duration(string profile)
    {
        var options = Load("--profile", profile, "--duration", "8s").Options!;
        foreach (var (name, scenario) in options.Load.Scenarios.Where(s => s.Value.Enabled))
        {
            var configured = SimulationMapper.Configured(scenario);
            var fitted = ShapeOf(options, name);

            fitted.Select(f => f.GetType()).ShouldBe(configured.Select(c => c.GetType()));
            fitted.Aggregate(TimeSpan.Zero, (total, f) => total + Timed(f)).ShouldBe(TimeSpan.FromSeconds(8));
        }
    }

    [Fact]
    public void Duration_alone_keeps_the_purchase_scenarios_configured_rate()
    {
        var options = Load("--scenario", "purchase", "--duration", "8s").Options!;

        ShapeOf(options, ScenarioNames.Purchase).ShouldBe([new Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8))]);
    }

    [Fact]
    public void Duration_with_vus_still_replaces_the_shape_with_a_closed_model()
    {
        var options = Load("--profile", "spike", "--vus", "3", "--duration", "8s").Options!;

        ShapeOf(options, ScenarioNames.Journey).ShouldBe([new KeepConstant(3, TimeSpan.FromSeconds(8))]);
    }

    [Fact]
    public void The_settings_line_says_what_the_duration_did()
    {
        SimulationMapper.DescribeShortcut(Load("--duration", "8s").Options!.Load)
            .ShouldBe("duration 00:00:08 (each scenario's shape fitted to it)");
        SimulationMapper.DescribeShortcut(Load("--vus", "3", "--duration", "8s").Options!.Load)
            .ShouldBe("3 virtual users for 00:00:08 (in place of each scenario's shape)");
        SimulationMapper.DescribeShortcut(Load().Options!.Load).ShouldBeNull();
    }

    [Fact]
    public void Stages_ramp_the_virtual_users_as_k6s_stage_option_does()
    {
        var options = Load("--stage", "30s:100", "--stage", "1m:100", "--stage", "00:00:10:0").Options!;

        ShapeOf(options, ScenarioNames.Journey).ShouldBe(
        [
            new RampingConstant(100, TimeSpan.FromSeconds(30)),
            new RampingConstant(100, TimeSpan.FromMinutes(1)),
            new RampingConstant(0, TimeSpan.FromSeconds(10)),
        ]);
        SimulationMapper.DescribeShortcut(options.Load).ShouldBe("stages 30s:100, 1m:100, 10s:0 (ramping virtual users in place of each scenario's shape)");
    }

    [Fact]
    public void Stage_mistakes_are_named_with_the_option_and_the_fix()
    {
        var config = Load("--stage", "30s", "--stage", "30:5", "--stage", "10s:many");

        config.Options.ShouldBeNull();
        var text = string.Join(Environment.NewLine, config.Problems);
        text.ShouldContain("--stage '30s': write DURATION:TARGET, for example --stage 30s:100");
        text.ShouldContain("Load:Stages:0:Duration (--stage): '30' has no unit");
        text.ShouldContain("Load:Stages:1:Target (--stage): 'many' is not a whole number");
    }

    [Fact]
    public void Stages_with_vus_or_duration_are_refused_as_two_shapes()
    {
        var config = Load("--stage", "30s:100", "--duration", "1m");

        config.Options.ShouldBeNull();
        config.Problems.ShouldHaveSingleItem().ShouldContain("Load:Stages (--stage) with Load:Vus (--vus), Load:Rate (--rate) or Load:Duration (--duration)");
    }

    private static TimeSpan Timed(LoadSimulation simulation) => simulation switch
    {
        KeepConstant k => k.During,
        RampingConstant r => r.During,
        Inject i => i.During,
        RampingInject r => r.During,
        InjectRandom r => r.During,
        Pause p => p.During,
        _ => TimeSpan.Zero,
    };
}
