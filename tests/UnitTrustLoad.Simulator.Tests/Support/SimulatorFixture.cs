using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Simulator.Tests.Support;

/// <summary>One embedded simulator (real Kestrel on loopback, real SQLite file) shared by a test class.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class SimulatorFixture : IAsyncLifetime
{
    private EmbeddedSimulator? _simulator;
    private SimulatorClient? _client;

    public EmbeddedSimulator Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public SimulatorClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _simulator = await EmbeddedSimulator.StartAsync(CreateOptions());
        _client = new SimulatorClient(_simulator);
        await _client.AuthenticateAsync();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    protected virtual SimulatorOptions CreateOptions() => new() { ClientSecret = "test-secret-" + Guid.NewGuid().ToString("N") };
}
