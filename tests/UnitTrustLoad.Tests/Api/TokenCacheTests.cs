using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Tests.Api;

/// <summary>The token cache against the real simulator's token endpoint, counting the requests it sends.</summary>
[Collection(UnitTrustLoad.Tests.EndToEnd.AppRunsSerially.Name)]
public sealed class TokenCacheTests
{
    [Fact]
    public async Task Many_concurrent_callers_share_one_token_request()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var cache = new TokenCache(http, Endpoint(simulator), TimeProvider.System);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await cache.GetAsync(null))));

        cache.Requests.ShouldBe(1);
        tokens.ShouldAllBe(t => t != null && ReferenceEquals(t, tokens[0]));
    }

    [Fact]
    public async Task A_rejected_token_reported_by_many_callers_is_renewed_once()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var cache = new TokenCache(http, Endpoint(simulator), TimeProvider.System);
        var first = (await cache.GetAsync(null))!;

        var renewed = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await cache.RenewRejectedAsync(first, null))));

        cache.Requests.ShouldBe(2);
        renewed.ShouldAllBe(t => t != null && !ReferenceEquals(t, first) && ReferenceEquals(t, renewed[0]));
    }

    [Fact]
    public async Task Short_lived_tokens_are_refreshed_ahead_by_one_caller_while_the_others_never_wait_without_a_token()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions { TokenLifetime = TimeSpan.FromSeconds(2) });
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var cache = new TokenCache(http, Endpoint(simulator), TimeProvider.System);
        var missing = 0;
        var expiredHandedOut = 0;
        var stop = DateTime.UtcNow.AddSeconds(5);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                // Judged against the time before asking: a token already expired then is a bug whatever the scheduler did.
                var asked = TimeProvider.System.GetTimestamp();
                var token = await cache.GetAsync(null);
                if (token is null)
                {
                    Interlocked.Increment(ref missing);
                }
                else if (asked >= token.ExpiresAt)
                {
                    Interlocked.Increment(ref expiredHandedOut);
                }

                await Task.Delay(5);
            }
        })));

        missing.ShouldBe(0);
        expiredHandedOut.ShouldBe(0);
        // 5 s of 2 s tokens, each used for about 0.5 s (1.1 s of whole-second safety, 0.4 s ahead): about 10 requests
        // (more when a busy machine slows the token server), one per refresh, not one per caller: 16 callers polling
        // every 5 ms ask thousands of times.
        cache.Requests.ShouldBeInRange(2, 40);
    }

    [Fact]
    public async Task A_refused_client_gets_no_token_and_a_reason_without_the_secret()
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var handler = ApiHttp.CreateHandler(new TargetOptions());
        using var http = ApiHttp.CreateClient(handler, TimeSpan.FromSeconds(10));
        var wrongSecret = "wrong-" + Guid.NewGuid().ToString("N");
        var cache = new TokenCache(http, Endpoint(simulator) with { ClientSecret = wrongSecret }, TimeProvider.System);

        var token = await cache.GetAsync(null);

        token.ShouldBeNull();
        cache.LastError.ShouldNotBeNull();
        cache.LastError.ShouldNotContain(wrongSecret);
    }

    private static TokenEndpoint Endpoint(EmbeddedSimulator simulator) => new(
        new Uri(simulator.BaseUrl, "/core/connect/token").AbsoluteUri,
        simulator.ClientId,
        simulator.ClientSecret,
        EmbeddedSimulator.Scope,
        TimeSpan.FromSeconds(30),
        0.2,
        TimeSpan.FromSeconds(1));
}
