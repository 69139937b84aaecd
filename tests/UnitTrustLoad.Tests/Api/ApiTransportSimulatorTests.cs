using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Http;
using UnitTrustLoad.Http.Http11;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Tests.Api;

/// <summary>
/// The API client over our HTTP/1.1 client against the real simulator (Kestrel): the five operations, and the same
/// answers, read by the same answer readers, as over HttpClient.
/// </summary>
[Collection(UnitTrustLoad.Tests.EndToEnd.AppRunsSerially.Name)]
public sealed class ApiTransportSimulatorTests
{
    [Fact]
    public async Task The_five_operations_succeed_and_the_balance_matches_what_was_bought_and_sold()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var target = new TargetOptions();
        var endpoints = new ApiEndpoints(simulator.BaseUrl, target);
        using var transport = new Http11Client(simulator.BaseUrl, Options(8, onEpoll: false), TimeProvider.System);
        var client = new UnitTrustClient(new ApiTransport(transport, FailureLog.Discard), new TokenCache(http, Endpoint(simulator), TimeProvider.System), endpoints);
        var investor = new InvestorFaker(11, TimeProvider.System).Next();
        var id = investor.ClientIdentifier;

        var register = await client.RegisterAsync(investor.Registration, null, CancellationToken.None);
        var join = await client.JoinFundAsync(new JoinFundRequest(id, "MMF", "2"), null, CancellationToken.None);
        var purchase = await client.PurchaseAsync(new PurchaseRequest(id, "MMF", 5000.00m, "P-lean-1", "MPESA", "MP-lean-1"), null, CancellationToken.None);
        var sale = await client.SellAsync(new SaleRequest(id, "MMF", 1250.50m, "S-lean-1", "MPESA"), null, CancellationToken.None);
        var balance = await client.FetchBalanceAsync(new BalanceRequest(id), null, CancellationToken.None);

        register.Status.ShouldBe("201", register.Error);
        register.Value!.InvestorId.ShouldBeGreaterThan(0);
        join.Status.ShouldBe("200");
        purchase.Status.ShouldBe("200");
        sale.Status.ShouldBe("200");
        balance.Status.ShouldBe("200");
        var units = LedgerCheck.ReportedUnits(balance.Value!, "MMF", out _);
        units.ShouldBe(purchase.Value!.UnitsAllotted - sale.Value!.UnitsRedeemed);
        transport.OpenConnections.ShouldBe(1);
    }

    [Fact]
    public async Task A_refusal_comes_back_under_its_status_as_with_HttpClient()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var endpoints = new ApiEndpoints(simulator.BaseUrl, new TargetOptions());
        var tokens = new TokenCache(http, Endpoint(simulator), TimeProvider.System);
        using var lean = new Http11Client(simulator.BaseUrl, Options(8, onEpoll: false), TimeProvider.System);
        using var classic = new HttpClientTransport(http);
        var unknown = new BalanceRequest("nobody-" + Guid.NewGuid().ToString("N"));

        var viaLean = await new UnitTrustClient(new ApiTransport(lean, FailureLog.Discard), tokens, endpoints).FetchBalanceAsync(unknown, null, CancellationToken.None);
        var viaHttpClient = await new UnitTrustClient(new ApiTransport(classic, FailureLog.Discard), tokens, endpoints).FetchBalanceAsync(unknown, null, CancellationToken.None);

        viaLean.Status.ShouldBe("404");
        viaLean.Status.ShouldBe(viaHttpClient.Status);
        viaLean.BytesReceived.ShouldBe(viaHttpClient.BytesReceived);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Many_concurrent_registrations_all_succeed_over_a_pool_no_larger_than_the_concurrency(bool onEpoll)
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var endpoints = new ApiEndpoints(simulator.BaseUrl, new TargetOptions());
        using var transport = new Http11Client(simulator.BaseUrl, Options(64, onEpoll), TimeProvider.System);
        var client = new UnitTrustClient(new ApiTransport(transport, FailureLog.Discard), new TokenCache(http, Endpoint(simulator), TimeProvider.System), endpoints);
        var faker = new InvestorFaker(onEpoll ? 13 : 12, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var ok = 0;
            for (var i = 0; i < 25; i++)
            {
                var response = await client.RegisterAsync(faker.Next().Registration, null, CancellationToken.None);
                ok += response.IsOk ? 1 : 0;
            }

            return ok;
        })));

        results.Sum().ShouldBe(400);
        transport.OpenConnections.ShouldBeLessThanOrEqualTo(16);
    }

    private static Http11ClientOptions Options(int maxConnections, bool onEpoll)
        => new(maxConnections, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), onEpoll);

    private static TokenEndpoint Endpoint(EmbeddedSimulator simulator) => new(
        simulator.BaseUrl.AbsoluteUri.TrimEnd('/') + "/core/connect/token",
        simulator.ClientId,
        simulator.ClientSecret,
        EmbeddedSimulator.Scope,
        TimeSpan.FromSeconds(30),
        0.2,
        TimeSpan.FromSeconds(1));
}
