using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>Every duration setting, from any source, goes through <see cref="DurationText"/>.</summary>
public sealed class DurationSettingsTests
{
    private static SuiteConfiguration Load(params string[] args)
        => SuiteConfiguration.Load(CommandLine.Parse(args), SuiteConfiguration.FindConfigDirectory());

    [Fact]
    public void Duration_option_takes_k6_units()
    {
        var config = Load("--vus", "2", "--duration", "1m30s");

        config.Problems.ShouldBeEmpty();
        config.Options!.Load.Duration.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void A_bare_number_is_refused_with_its_path_and_the_forms_that_work_rather_than_read_as_days()
    {
        var config = Load("--duration", "30");

        config.Options.ShouldBeNull();
        config.Problems.ShouldHaveSingleItem().ShouldStartWith("Load:Duration (--duration): '30' has no unit: write 30s, 5m, 1h30m, 500ms or hh:mm:ss");
    }

    [Fact]
    public void A_two_part_clock_is_refused_as_ambiguous_rather_than_read_as_hours_and_minutes()
    {
        var config = Load("--duration", "1:30");

        config.Options.ShouldBeNull();
        config.Problems.ShouldHaveSingleItem().ShouldContain("Load:Duration (--duration): '1:30' is ambiguous");
    }

    [Fact]
    public void Durations_in_settings_and_files_take_the_same_forms()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Target": { "RequestTimeout": "5s" }, "Load": { "Scenarios": { "journey": { "WarmUp": "2s", "Simulations": [ { "Kind": "KeepConstant", "Copies": 2, "During": "1m" } ] } } } }""");
        try
        {
            var config = Load("--config", file, "--Load:StopGracePeriod=1500ms", "--Load:Scenarios:journey:ThinkTime=250ms", "--Simulator:TokenLifetime=2h");

            config.Problems.ShouldBeEmpty();
            var options = config.Options!;
            options.Target.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(5));
            options.Load.StopGracePeriod.ShouldBe(TimeSpan.FromMilliseconds(1500));
            options.Load.Scenarios["journey"].ThinkTime.ShouldBe(TimeSpan.FromMilliseconds(250));
            options.Load.Scenarios["journey"].WarmUp.ShouldBe(TimeSpan.FromSeconds(2));
            options.Load.Scenarios["journey"].Simulations[0].During.ShouldBe(TimeSpan.FromMinutes(1));
            options.Simulator.TokenLifetime.ShouldBe(TimeSpan.FromHours(2));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Bad_durations_anywhere_are_reported_together_with_their_paths()
    {
        var config = Load("--Target:ConnectTimeout=5", "--Load:Scenarios:journey:Simulations:0:During=1:30", "--Auth:RetryBackoff=soon");

        config.Options.ShouldBeNull();
        var text = string.Join(Environment.NewLine, config.Problems);
        config.Problems.Count.ShouldBe(3, text);
        text.ShouldContain("Target:ConnectTimeout: '5' has no unit");
        text.ShouldContain("Load:Scenarios:journey:Simulations:0:During: '1:30' is ambiguous");
        text.ShouldContain("Auth:RetryBackoff: 'soon' is not a duration");
    }
}
