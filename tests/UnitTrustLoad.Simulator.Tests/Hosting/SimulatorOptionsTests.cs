using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Simulator.Tests.Hosting;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public async Task Invalid_options_are_all_reported_at_once_with_their_setting_names()
    {
        var options = new SimulatorOptions
        {
            ClientId = "",
            TokenLifetime = TimeSpan.Zero,
            Funds = [new FundOptions { Code = "MMF", UnitPrice = 0m }, new FundOptions { Code = "MMF", UnitPrice = 1.00001m }],
            Faults =
            {
                ["Purchase"] = new FaultOptions { ErrorRate = 1.5, CorruptBalanceRate = 0.1 },
                ["Withdraw"] = new FaultOptions(),
            },
        };

        var error = await Should.ThrowAsync<SimulatorConfigurationException>(() => EmbeddedSimulator.StartAsync(options));

        error.Message.ShouldContain("Simulator:ClientId");
        error.Message.ShouldContain("Simulator:TokenLifetime");
        error.Message.ShouldContain("Simulator:Funds:0:UnitPrice");
        error.Message.ShouldContain("Simulator:Funds:1:Code 'MMF' is listed twice");
        error.Message.ShouldContain("Simulator:Funds:1:UnitPrice");
        error.Message.ShouldContain("Simulator:Faults:Purchase:ErrorRate");
        error.Message.ShouldContain("Simulator:Faults:Purchase:CorruptBalanceRate applies to FetchBalance only");
        error.Message.ShouldContain("Simulator:Faults:Withdraw is not an operation");
        error.Message.ShouldContain("ErrorRate + TimeoutRate + DropRate + ApplyThenDropRate is above 1");
        error.Problems.Count.ShouldBe(9);
    }

    [Fact]
    public void Standalone_configuration_with_an_unknown_key_is_rejected_naming_it()
    {
        var error = Should.Throw<SimulatorConfigurationException>(
            () => SimulatorApplication.CreateStandalone(["--Simulator:ClientSecrett=abcdefghij"]));

        error.Message.ShouldContain("ClientSecrett");
    }

    [Fact]
    public void Standalone_configuration_with_a_value_of_the_wrong_type_is_rejected_naming_it()
    {
        var error = Should.Throw<SimulatorConfigurationException>(
            () => SimulatorApplication.CreateStandalone(["--Simulator:Faults:Purchase:ErrorRate=lots"]));

        error.Message.ShouldContain("Simulator:Faults:Purchase:ErrorRate");
    }

    [Fact]
    public void Standalone_configuration_problems_are_all_reported_at_once()
    {
        var error = Should.Throw<SimulatorConfigurationException>(
            () => SimulatorApplication.CreateStandalone(
                ["--Simulator:Faults:Purchase:ErorRate=0.1", "--Simulator:TokenLifetime=abc", "--Simulator:Funds:0:UnitPrice=x"]));

        error.Problems.Count.ShouldBe(3);
        error.Message.ShouldContain("Simulator:Faults:Purchase:ErorRate is not a simulator setting");
        error.Message.ShouldContain("Simulator:TokenLifetime is 'abc'");
        error.Message.ShouldContain("Simulator:Funds:0:UnitPrice is 'x'");
    }

    [Fact]
    public async Task Standalone_configuration_binds_the_client_and_faults_from_the_command_line()
    {
        var (app, settings) = SimulatorApplication.CreateStandalone(
            ["--Simulator:ClientId=cli-client", "--Simulator:ClientSecret=cli-secret-1", "--Simulator:Faults:Sell:ErrorRate=0.25"]);
        await using (app)
        {
            settings.ClientId.ShouldBe("cli-client");
            settings.ClientSecret.ShouldBe("cli-secret-1");
            settings.SecretGenerated.ShouldBeFalse();
            settings.Faults["sell"].ErrorRate.ShouldBe(0.25);
        }
    }
}
