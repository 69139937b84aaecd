using System.Diagnostics;
using System.Net;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Faults;

public sealed class TimeoutFaultFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new()
    {
        Faults =
        {
            ["Register"] = new FaultOptions { TimeoutRate = 1.0, TimeoutDelayMs = 400 },
            ["Token"] = new FaultOptions { LatencyMs = 300 },
        },
    };
}

public sealed class TimeoutFaultTests(TimeoutFaultFixture fixture) : IClassFixture<TimeoutFaultFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task TimeoutRate_1_answers_408_after_the_configured_delay_and_registers_nobody()
    {
        var registration = TestData.Registration();
        var watch = Stopwatch.StartNew();

        var (status, _) = await _client.CallAsync(SimulatorClient.Register, registration);

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        status.ShouldBe(HttpStatusCode.RequestTimeout);
        var balance = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(registration["ClientIdentifier"]!.GetValue<string>()));
        balance.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_faults_delay_the_token_endpoint()
    {
        var watch = Stopwatch.StartNew();

        var token = await _client.RequestTokenAsync();

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
        token.ShouldNotBeNullOrEmpty();
    }
}
