using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Faults;

/// <summary>Simulator:FaultSeed makes requests that arrive one at a time meet the same faults in every run.</summary>
public sealed class FaultSeedTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order_and_another_seed_other_ones()
    {
        var first = await StatusesAsync(seed: 42);
        var again = await StatusesAsync(seed: 42);
        var other = await StatusesAsync(seed: 43);

        first.ShouldBe(again);
        first.ShouldContain(200);
        first.ShouldContain(500);
        other.ShouldNotBe(first);
    }

    // Thirty token requests in a row against a token server that fails half its answers.
    private static async Task<List<int>> StatusesAsync(int seed)
    {
        await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions
        {
            FaultSeed = seed,
            Faults = { ["Token"] = new FaultOptions { ErrorRate = 0.5 } },
        });
        using var client = new SimulatorClient(simulator);
        var statuses = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.RequestTokenRawAsync(simulator.ClientId, simulator.ClientSecret, EmbeddedSimulator.Scope);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
