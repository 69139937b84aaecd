using Microsoft.Extensions.Logging;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>What one iteration of a scenario sees.</summary>
public interface IScenarioContext
{
    /// <summary>The scenario's name.</summary>
    string ScenarioName { get; }

    /// <summary>The virtual user's number, 0-based (closed model: the copy; open model: a slot number).</summary>
    int ScenarioInstanceNumber { get; }

    /// <summary>The iteration's number within the scenario, 0-based, unique across virtual users.</summary>
    long InvocationNumber { get; }

    /// <summary>A per-virtual-user slot that survives between that user's iterations.</summary>
    IDictionary<string, object> Data { get; }

    /// <summary>The run's logger.</summary>
    ILogger Logger { get; }

    /// <summary>Cancelled when the run stops and the grace period has expired.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// Think time: waits <paramref name="duration"/> on the run's clock. The wait is not latency: the iteration's
    /// recorded time leaves it out, as k6 leaves <c>sleep</c> out of every request's duration and Locust its
    /// <c>wait_time</c>. Throws <see cref="OperationCanceledException"/> when the run's iteration token is cancelled (the
    /// iteration then ends as cancelled, as any step would).
    /// </summary>
    ValueTask PauseAsync(TimeSpan duration);

    /// <summary>Adds to a custom run-wide counter (thresholds may refer to it by name).</summary>
    void AddCounter(string name, long value = 1);

    /// <summary>Stops the whole test (for example on an unrecoverable target error).</summary>
    void StopTest(string reason);
}
