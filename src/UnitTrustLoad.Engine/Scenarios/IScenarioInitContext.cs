using Microsoft.Extensions.Logging;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>What a scenario's init and clean hooks see.</summary>
public interface IScenarioInitContext
{
    /// <summary>The scenario's name.</summary>
    string ScenarioName { get; }

    /// <summary>The run's logger.</summary>
    ILogger Logger { get; }

    /// <summary>Cancelled when the run is stopped.</summary>
    CancellationToken CancellationToken { get; }
}
