using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Simulator.Tests.Support;

/// <summary>Talks to the simulator over real HTTP the way the suite's client does.</summary>
public sealed class SimulatorClient : IDisposable
{
    public const string Register = "api/Investors/Register";
    public const string JoinFund = "api/UnitTrust/JoinFund";
    public const string Purchase = "api/UnitTrust/PurchaseUnitTrust";
    public const string FetchBalance = "api/UnitTrust/FetchInvestorUnitTrustFunds";
    public const string Sell = "api/UnitTrust/SellUnitTrust";

    private readonly EmbeddedSimulator _simulator;

    public SimulatorClient(EmbeddedSimulator simulator)
    {
        _simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public string Token { get; private set; } = "";

    public static string VersionOf(string path) => path is Purchase or Sell ? "3.0" : "2.0";

    public async Task AuthenticateAsync() => Token = await RequestTokenAsync();

    public async Task<string> RequestTokenAsync()
    {
        using var response = await RequestTokenRawAsync(_simulator.ClientId, _simulator.ClientSecret, EmbeddedSimulator.Scope);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["access_token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> RequestTokenRawAsync(string clientId, string clientSecret, string scope, string grantType = "client_credentials")
        => Http.PostAsync(
            new Uri("core/connect/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = grantType,
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["scope"] = scope,
            }));

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? token = null, string? version = null)
        => PostRawAsync(path, body.ToJsonString(), token: token, version: version);

    public async Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json", string? token = null, string? version = null)
    {
        var query = version == "" ? "" : "?api-version=" + (version ?? VersionOf(path));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path + query, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return await Http.SendAsync(request);
    }

    /// <summary>Posts and returns status and parsed JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string path, JsonNode body, string? token = null, string? version = null)
    {
        using var response = await PostAsync(path, body, token, version);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Registers a new investor and returns their ClientIdentifier.</summary>
    public async Task<string> RegisterAsync()
    {
        var registration = TestData.Registration();
        var (status, body) = await CallAsync(Register, registration);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return registration["ClientIdentifier"]!.GetValue<string>();
    }

    /// <summary>Registers a new investor who has joined <paramref name="fund"/>.</summary>
    public async Task<string> InvestorInAsync(string fund)
    {
        var client = await RegisterAsync();
        var (status, body) = await CallAsync(JoinFund, TestData.Join(client, fund));
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return client;
    }

    public void Dispose() => Http.Dispose();
}
