namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>
/// The simulator started in-process on a free loopback port, for the console app and the tests:
/// <c>await using var sim = await EmbeddedSimulator.StartAsync(new SimulatorOptions());</c>
/// </summary>
public sealed class EmbeddedSimulator : IAsyncDisposable
{
    private EmbeddedSimulator(Uri baseUrl, string clientId, string clientSecret)
    {
        BaseUrl = baseUrl;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>API base URL, for example http://127.0.0.1:41234 (token endpoint at {BaseUrl}/core/connect/token).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The client id the token server accepts.</summary>
    public string ClientId { get; }

    /// <summary>The client secret (generated when none was configured). Never log it.</summary>
    public string ClientSecret { get; }

    /// <summary>The scope to request.</summary>
    public static string Scope => "innovaSuiteApi";

    /// <summary>Starts the simulator on 127.0.0.1 and a free port; returns once it answers /health.</summary>
    public static Task<EmbeddedSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Stops the server and deletes a temporary database.</summary>
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
