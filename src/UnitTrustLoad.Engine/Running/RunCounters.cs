using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace UnitTrustLoad.Engine.Running;

/// <summary>Custom run-wide counters (<see cref="Scenarios.IScenarioContext.AddCounter"/>), added to from any thread.</summary>
internal sealed class RunCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.Ordinal);

    public void Add(string name, long value)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var box = _counters.GetOrAdd(name, static _ => new StrongBox<long>());
        Interlocked.Add(ref box.Value, value);
    }

    public long Get(string name) => _counters.TryGetValue(name, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Forgets what the warm-up counted.</summary>
    public void Reset()
    {
        foreach (var pair in _counters)
        {
            Interlocked.Exchange(ref pair.Value.Value, 0);
        }
    }

    public Dictionary<string, long> Snapshot()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in _counters)
        {
            result[pair.Key] = Interlocked.Read(ref pair.Value.Value);
        }

        return result;
    }
}
