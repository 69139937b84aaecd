using System.Net;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Auth;

public sealed class ShortLivedTokenFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new() { TokenLifetime = TimeSpan.FromSeconds(2) };
}

public sealed class TokenExpiryTests(ShortLivedTokenFixture fixture) : IClassFixture<ShortLivedTokenFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task A_token_works_until_its_lifetime_ends_then_is_401_and_a_new_token_works()
    {
        await _client.AuthenticateAsync(); // the fixture's own token may already have expired
        var investor = await _client.RegisterAsync();
        var token = await _client.RequestTokenAsync();
        (await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor), token: token)).Status.ShouldBe(HttpStatusCode.OK);

        // JWT times have whole-second resolution: 2 s lifetime is over after at most 3 s; 4 s leaves margin on a busy machine.
        await Task.Delay(TimeSpan.FromSeconds(4));

        using var expired = await _client.PostAsync(SimulatorClient.FetchBalance, TestData.Balance(investor), token: token);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        var refreshed = await _client.RequestTokenAsync();
        (await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor), token: refreshed)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_token_answer_states_the_configured_lifetime()
    {
        using var response = await _client.RequestTokenRawAsync(fixture.Simulator.ClientId, fixture.Simulator.ClientSecret, EmbeddedSimulator.Scope);

        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["expires_in"]!.GetValue<int>().ShouldBeInRange(1, 2);
    }
}
