using System.Collections.Frozen;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Faults;

/// <summary>The configured faults, looked up by request path. Empty (and never consulted) when no fault is configured.</summary>
internal sealed class FaultPlan
{
    private readonly FrozenDictionary<string, FaultOptions> _byPath;
    private readonly double _corruptBalanceRate;
    private readonly Random? _seeded;

    public FaultPlan(SimulatorSettings settings)
    {
        var byPath = new Dictionary<string, FaultOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var (operation, path) in OperationPaths.All)
        {
            if (settings.Faults.TryGetValue(operation, out var fault) && Injects(fault))
            {
                byPath[path] = fault;
            }
        }

        _byPath = byPath.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _corruptBalanceRate = settings.Faults.TryGetValue(FaultKeys.FetchBalance, out var balance) ? balance.CorruptBalanceRate : 0;
        _seeded = settings.FaultSeed is { } seed ? new Random(seed) : null;
    }

    /// <summary>The next draw in [0, 1): from the seeded sequence when Simulator:FaultSeed is set, else unseeded.</summary>
    public double NextDraw()
    {
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_seeded)
        {
            return _seeded.NextDouble();
        }
    }

    /// <summary>A latency jitter in [0, <paramref name="maxMs"/>], from the same sequence as <see cref="NextDraw"/>.</summary>
    public int NextJitterMs(int maxMs) => (int)(NextDraw() * (maxMs + 1));

    /// <summary>True when some request-level fault is configured, so the middleware is worth installing.</summary>
    public bool InjectsRequestFaults => _byPath.Count > 0;

    public FaultOptions? For(PathString path)
        => path.Value is { } value && _byPath.TryGetValue(value, out var fault) ? fault : null;

    /// <summary>Test-only fault: in a share of answers, the first holding gains one unit that was never bought.</summary>
    public FetchBalanceResponse MaybeCorrupt(FetchBalanceResponse balance)
    {
        if (_corruptBalanceRate <= 0 || balance.Funds.Length == 0 || NextDraw() >= _corruptBalanceRate)
        {
            return balance;
        }

        var funds = (FundBalance[])balance.Funds.Clone();
        funds[0] = funds[0] with { Units = funds[0].Units + 1.0000m };
        return balance with { Funds = funds };
    }

    private static bool Injects(FaultOptions fault)
        => fault.LatencyMs > 0 || fault.LatencyJitterMs > 0 || fault.ErrorRate > 0 || fault.TimeoutRate > 0 || fault.DropRate > 0 || fault.ApplyThenDropRate > 0;
}
