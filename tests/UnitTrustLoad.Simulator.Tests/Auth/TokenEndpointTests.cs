using System.Net;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Auth;

public sealed class TokenEndpointTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;
    private readonly EmbeddedSimulator _simulator = fixture.Simulator;

    [Fact]
    public async Task Client_credentials_get_a_bearer_token_with_lifetime_and_scope()
    {
        using var response = await _client.RequestTokenRawAsync(_simulator.ClientId, _simulator.ClientSecret, EmbeddedSimulator.Scope);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        token["access_token"]!.GetValue<string>().Split('.').Length.ShouldBe(3); // a signed JWT
        token["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        token["expires_in"]!.GetValue<int>().ShouldBeInRange(3590, 3600);
        token["scope"]!.GetValue<string>().ShouldBe("innovaSuiteApi");
    }

    [Fact]
    public async Task Client_credentials_in_an_http_basic_header_get_a_token_too()
    {
        // RFC 6749 §2.3.1: the suite's Auth:ClientCredentialStyle=basic; the form body (post) is the test above.
        var pair = $"{Uri.EscapeDataString(_simulator.ClientId)}:{Uri.EscapeDataString(_simulator.ClientSecret)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("core/connect/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = EmbeddedSimulator.Scope }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));

        using var response = await _client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>().Split('.').Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_wrong_secret_is_401_invalid_client()
    {
        using var response = await _client.RequestTokenRawAsync(_simulator.ClientId, "wrong-secret-value", EmbeddedSimulator.Scope);

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        using var response = await _client.RequestTokenRawAsync("someone-else", _simulator.ClientSecret, EmbeddedSimulator.Scope);

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task A_wrong_scope_is_400_invalid_scope()
    {
        using var response = await _client.RequestTokenRawAsync(_simulator.ClientId, _simulator.ClientSecret, "adminApi");

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task A_wrong_grant_type_is_400_unsupported_grant_type()
    {
        using var response = await _client.RequestTokenRawAsync(_simulator.ClientId, _simulator.ClientSecret, EmbeddedSimulator.Scope, "password");

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task An_api_call_without_a_token_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SimulatorClient.FetchBalance + "?api-version=2.0", UriKind.Relative))
        {
            Content = new StringContent("{\"ClientIdentifier\":\"x\"}", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await _client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var parts = _client.Token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{new string(payload)}.{parts[2]}";

        var (status, _) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance("x"), token: tampered);

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_by_another_simulator_is_401()
    {
        await using var other = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        using var otherClient = new SimulatorClient(other);
        var foreignToken = await otherClient.RequestTokenAsync();

        var (status, _) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance("x"), token: foreignToken);

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var investor = await _client.RegisterAsync();

        var (status, _) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor), token: await _client.RequestTokenAsync());

        status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldBeOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        response.StatusCode.ShouldBe(status);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["error"]!.GetValue<string>().ShouldBe(error);
        body.AsObject().ContainsKey("access_token").ShouldBeFalse();
    }
}
