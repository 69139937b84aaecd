using Microsoft.Extensions.Logging;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Statistics;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>
/// The engine's own context: one per virtual user (closed model) or per slot (open model), reused across that
/// user's iterations so an iteration allocates nothing. Step.Run casts to it to reach the step recorders.
/// </summary>
internal sealed class ScenarioContext : IScenarioContext
{
    // Step names are nearly always literals, so a reference comparison over a few entries finds them without hashing.
    private readonly string?[] _cachedNames = new string?[8];
    private readonly StepRecorder?[] _cachedSteps = new StepRecorder?[8];
    private Dictionary<string, object>? _data;

    public ScenarioContext(ScenarioRuntime runtime, int instanceNumber)
    {
        Runtime = runtime;
        ScenarioInstanceNumber = instanceNumber;
    }

    public ScenarioRuntime Runtime { get; }

    public string ScenarioName => Runtime.Name;

    public int ScenarioInstanceNumber { get; }

    public long InvocationNumber { get; set; }

    public IDictionary<string, object> Data => _data ??= new Dictionary<string, object>(StringComparer.Ordinal);

    public ILogger Logger => Runtime.Logger;

    public CancellationToken CancellationToken => Runtime.Run.IterationToken;

    public TimeProvider Clock => Runtime.Clock;

    /// <summary>Open model: how late this iteration started against its intended time, in timestamp ticks; -1 in the closed model.</summary>
    public long StartLagTicks { get; set; } = -1;

    /// <summary>Iterations in a row the scenario's <see cref="ScenarioProps.Backoff"/> applied to.</summary>
    public int BackoffStreak { get; set; }

    /// <summary>Timestamp ticks this iteration spent in <see cref="PauseAsync"/>; the runtime subtracts them.</summary>
    public long PausedTicks { get; set; }

    public async ValueTask PauseAsync(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var clock = Runtime.Clock;
        var start = clock.GetTimestamp();
        try
        {
            await Task.Delay(duration, clock, CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            PausedTicks += clock.GetTimestamp() - start;
        }
    }

    public void AddCounter(string name, long value = 1) => Runtime.Run.Counters.Add(name, value);

    public void StopTest(string reason) => Runtime.Run.Stop($"stopped by scenario '{ScenarioName}': {reason}");

    public StepRecorder GetStep(string name)
    {
        var names = _cachedNames;
        for (int i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return _cachedSteps[i]!;
            }

            if (names[i] is null)
            {
                var found = Runtime.GetStep(name);
                _cachedSteps[i] = found;
                names[i] = name;
                return found;
            }
        }

        return Runtime.GetStep(name);
    }
}
