using Microsoft.Extensions.Logging;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>What init and clean hooks receive.</summary>
internal sealed record ScenarioInitContext(string ScenarioName, ILogger Logger, CancellationToken CancellationToken) : IScenarioInitContext;
