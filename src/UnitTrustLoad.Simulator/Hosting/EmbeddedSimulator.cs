using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>
/// The simulator started in-process on a free loopback port, for the console app and the tests:
/// <c>await using var sim = await EmbeddedSimulator.StartAsync(new SimulatorOptions());</c>
/// </summary>
public sealed class EmbeddedSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private EmbeddedSimulator(Uri baseUrl, string clientId, string clientSecret, string databasePath, WebApplication app)
    {
        DatabasePath = databasePath;
        BaseUrl = baseUrl;
        ClientId = clientId;
        ClientSecret = clientSecret;
        _app = app;
    }

    /// <summary>API base URL, for example http://127.0.0.1:41234 (token endpoint at {BaseUrl}/core/connect/token).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The client id the token server accepts.</summary>
    public string ClientId { get; }

    /// <summary>The client secret (generated when none was configured). Never log it.</summary>
    public string ClientSecret { get; }

    /// <summary>The scope to request.</summary>
    public static string Scope => Auth.ApiScope.Name;

    /// <summary>The SQLite file in use (for tests that check it is cleaned up).</summary>
    internal string DatabasePath { get; }

    /// <summary>The token endpoint, {BaseUrl}/core/connect/token.</summary>
    public Uri TokenEndpoint => new(BaseUrl, "core/connect/token");

    /// <summary>Starts the simulator on 127.0.0.1 and a free port; returns once it answers /health.</summary>
    /// <exception cref="SimulatorConfigurationException">When the options are invalid; the message lists every problem.</exception>
    public static async Task<EmbeddedSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var settings = SimulatorSettings.From(options);
        var app = SimulatorApplication.CreateEmbedded(settings);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var simulator = new EmbeddedSimulator(new Uri(address.TrimEnd('/') + "/"), settings.ClientId, settings.ClientSecret, settings.DatabasePath, app);
            await WaitUntilHealthyAsync(simulator.BaseUrl, cancellationToken);
            return simulator;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server and deletes a temporary database; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    // Generous: the first request JIT-compiles the pipeline, which takes seconds on a busy 2-core machine.
    private static async Task WaitUntilHealthyAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
