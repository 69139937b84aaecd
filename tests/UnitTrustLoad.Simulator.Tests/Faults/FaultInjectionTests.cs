using System.Diagnostics;
using System.Net;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Faults;

public sealed class FaultyApiFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new()
    {
        Faults =
        {
            ["Purchase"] = new FaultOptions { ErrorRate = 1.0 },
            ["Sell"] = new FaultOptions { DropRate = 1.0 },
            ["FetchBalance"] = new FaultOptions { CorruptBalanceRate = 1.0, LatencyMs = 300, LatencyJitterMs = 100 },
            ["JoinFund"] = new FaultOptions { ErrorRate = 0.5 },
            ["Register"] = new FaultOptions { TimeoutRate = 0.0 },
        },
    };
}

public sealed class FaultInjectionTests(FaultyApiFixture fixture) : IClassFixture<FaultyApiFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task ErrorRate_1_answers_every_request_500_and_applies_nothing()
    {
        var investor = await JoinedInvestorAsync();

        for (var i = 0; i < 20; i++)
        {
            var (status, body) = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1000m));
            status.ShouldBe(HttpStatusCode.InternalServerError);
            body!["type"]!.GetValue<string>().ShouldEndWith("injected-error");
        }
    }

    [Fact]
    public async Task DropRate_1_drops_the_connection_without_an_answer()
    {
        var investor = await JoinedInvestorAsync();

        await Should.ThrowAsync<HttpRequestException>(() => _client.PostAsync(SimulatorClient.Sell, TestData.Sale(investor, "MMF", 10m)));
    }

    [Fact]
    public async Task CorruptBalanceRate_1_reports_units_that_were_never_bought_after_the_added_latency()
    {
        var investor = await JoinedInvestorAsync(); // purchases all fail here, so the true holding is 0 units
        var watch = Stopwatch.StartNew();

        var (status, body) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
        status.ShouldBe(HttpStatusCode.OK);
        body!["Funds"]![0]!["Units"]!.GetValue<decimal>().ShouldBe(1.0000m);
    }

    [Fact]
    public async Task ErrorRate_half_fails_about_half_of_the_requests()
    {
        var failures = 0;
        const int Requests = 200;
        for (var i = 0; i < Requests; i++)
        {
            // Unknown investors: the healthy answer is 404, so every 500 is the injected one.
            var (status, _) = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join("nobody-" + i));
            status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.InternalServerError);
            failures += status == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        failures.ShouldBeInRange(60, 140); // binomial(200, 0.5): mean 100, sd 7
    }

    [Fact]
    public async Task Operations_without_faults_answer_normally()
    {
        var investor = await _client.RegisterAsync();

        investor.ShouldNotBeNullOrEmpty();
    }

    private async Task<string> JoinedInvestorAsync()
    {
        var investor = await _client.RegisterAsync();
        for (var attempt = 0; attempt < 50; attempt++) // JoinFund fails half the time by design
        {
            var (status, _) = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor));
            if (status == HttpStatusCode.OK)
            {
                return investor;
            }
        }

        throw new InvalidOperationException("JoinFund never succeeded.");
    }
}
