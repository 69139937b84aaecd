namespace UnitTrustLoad.Engine.Running;

/// <summary>What kind of mistake a <see cref="DefinitionProblem"/> is: a stable code a caller can map or count.</summary>
public enum DefinitionProblemKind
{
    /// <summary>Something required is absent (no scenarios, a scenario without a load simulation).</summary>
    Missing,

    /// <summary>A value that must be above zero is not.</summary>
    NotPositive,

    /// <summary>A value that must not be negative is.</summary>
    Negative,

    /// <summary>Two bounds are the wrong way round (InjectRandom's MinRate above MaxRate).</summary>
    OutOfOrder,

    /// <summary>A name is used twice where names must be unique.</summary>
    Duplicate,

    /// <summary>A load simulation's kind name is not one of <see cref="Simulations.Simulation.Kinds"/>.</summary>
    UnknownSimulationKind,

    /// <summary>A threshold names a scenario the test does not define.</summary>
    UnknownScenario,

    /// <summary>A threshold expression does not parse.</summary>
    InvalidThreshold,

    /// <summary>A threshold names a step but no scenario.</summary>
    StepWithoutScenario,

    /// <summary>A scenario or a simulation is null.</summary>
    Null,
}
