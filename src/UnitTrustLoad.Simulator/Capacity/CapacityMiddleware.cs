using System.Collections.Frozen;
using UnitTrustLoad.Simulator.Faults;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Simulator.Capacity;

/// <summary>
/// Holds each request of an operation with a configured capacity in that operation's <see cref="CapacityQueue"/>
/// before it runs, so the right answer of a capacity search is known. Installed only when a capacity is configured.
/// </summary>
internal sealed class CapacityMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FrozenDictionary<string, CapacityQueue> _byPath;
    private readonly TimeProvider _time;

    public CapacityMiddleware(RequestDelegate next, SimulatorSettings settings, TimeProvider time)
    {
        _next = next;
        _time = time;
        var byPath = new Dictionary<string, CapacityQueue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (operation, path) in OperationPaths.All)
        {
            if (settings.Capacity.TryGetValue(operation, out var capacity))
            {
                byPath[path] = new CapacityQueue(capacity, time);
            }
        }

        _byPath = byPath.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_byPath.TryGetValue(context.Request.Path, out var queue))
        {
            await Task.Delay(queue.Admit(), _time, context.RequestAborted);
        }

        await _next(context);
    }
}
