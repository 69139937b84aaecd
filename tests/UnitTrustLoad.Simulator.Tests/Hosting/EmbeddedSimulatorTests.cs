using System.Net;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Hosting;

public sealed class EmbeddedSimulatorTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public void It_listens_on_loopback_on_a_real_port()
    {
        fixture.Simulator.BaseUrl.Host.ShouldBe("127.0.0.1");
        fixture.Simulator.BaseUrl.Port.ShouldBeGreaterThan(0);
        fixture.Simulator.TokenEndpoint.AbsoluteUri.ShouldBe(fixture.Simulator.BaseUrl.AbsoluteUri + "core/connect/token");
    }

    [Fact]
    public async Task Health_answers_200_without_a_token()
    {
        using var response = await fixture.Client.Http.GetAsync(new Uri("health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_five_operations()
    {
        var json = JsonNode.Parse(await fixture.Client.Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)))!;

        var paths = json["paths"]!.AsObject();
        paths.ContainsKey("/api/Investors/Register").ShouldBeTrue();
        paths.ContainsKey("/api/UnitTrust/JoinFund").ShouldBeTrue();
        paths.ContainsKey("/api/UnitTrust/PurchaseUnitTrust").ShouldBeTrue();
        paths.ContainsKey("/api/UnitTrust/FetchInvestorUnitTrustFunds").ShouldBeTrue();
        paths.ContainsKey("/api/UnitTrust/SellUnitTrust").ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_configured_secret_each_start_generates_a_different_one()
    {
        await using var first = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        await using var second = await EmbeddedSimulator.StartAsync(new SimulatorOptions());

        first.ClientSecret.Length.ShouldBeGreaterThanOrEqualTo(24);
        first.ClientSecret.ShouldNotBe(second.ClientSecret);
        first.BaseUrl.ShouldNotBe(second.BaseUrl);
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_deletes_the_temporary_database()
    {
        var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        var path = simulator.DatabasePath;
        var baseUrl = simulator.BaseUrl;
        File.Exists(path).ShouldBeTrue();

        await simulator.DisposeAsync();

        File.Exists(path).ShouldBeFalse();
        File.Exists(path + "-wal").ShouldBeFalse();
        using var http = new HttpClient { BaseAddress = baseUrl };
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri("health", UriKind.Relative)));
    }

    [Fact]
    public async Task A_configured_database_file_is_kept_and_reused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-test-{Guid.NewGuid():N}.db");
        try
        {
            string investor;
            await using (var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions { DatabasePath = path }))
            {
                using var client = new SimulatorClient(simulator);
                await client.AuthenticateAsync();
                investor = await client.RegisterAsync();
            }

            File.Exists(path).ShouldBeTrue();
            await using (var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions { DatabasePath = path }))
            {
                using var client = new SimulatorClient(simulator);
                await client.AuthenticateAsync();
                (await client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor))).Status.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }
}
