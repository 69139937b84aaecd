namespace UnitTrustLoad.Engine.Simulations;

/// <summary>One entry of <see cref="Simulation.Kinds"/>: a kind's name, the fields it takes and how to build it from settings.</summary>
/// <param name="Name">The name a configuration writes, for example "Inject" (matched ignoring case).</param>
/// <param name="Fields">The <see cref="SimulationField"/> names it reads from <see cref="SimulationSettings"/>.</param>
/// <param name="Build">Builds the simulation; it never validates (the definition's validation does).</param>
public sealed record SimulationKind(string Name, IReadOnlyList<string> Fields, Func<SimulationSettings, LoadSimulation> Build);
