using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// One stage of a scenario's load shape. Create them with <see cref="Simulation"/>. Each kind lives in its own file
/// with its description, its own <see cref="Validate"/> and how it resolves into a stage; the shared rules are here.
/// </summary>
public abstract record LoadSimulation
{
    /// <summary>A one-line description for reports, for example "Inject 100 per 00:00:01 during 00:00:30".</summary>
    public abstract string Describe();

    /// <summary>
    /// Every problem with this simulation's own fields (empty when it can run), each naming its field
    /// (<see cref="SimulationField"/>) and the fix. The scenario and the index are filled in by the definition's validation.
    /// </summary>
    public abstract IReadOnlyList<DefinitionProblem> Validate();

    /// <summary>The stage this simulation runs as, starting from the previous stage's level.</summary>
    /// <param name="previousCopies">Closed model level the stage before ended at (0 when it was not closed).</param>
    /// <param name="previousRate">Open model rate the stage before ended at (0 when it was not open).</param>
    /// <param name="seed">The stage's seed (InjectRandom's per-interval rates).</param>
    internal abstract LoadStage ToStage(int previousCopies, int previousRate, int seed);

    /// <summary>Adds a problem when <paramref name="value"/> is not above zero.</summary>
    private protected static void Positive(List<DefinitionProblem> problems, string field, long value)
    {
        if (value <= 0)
        {
            problems.Add(new DefinitionProblem(DefinitionProblemKind.NotPositive, $"{field} must be positive (was {value})", $"set {field} to 1 or more") { Field = field });
        }
    }

    /// <summary>Adds a problem when <paramref name="value"/> is below zero (ramps may go down to zero).</summary>
    private protected static void NotNegative(List<DefinitionProblem> problems, string field, long value)
    {
        if (value < 0)
        {
            problems.Add(new DefinitionProblem(DefinitionProblemKind.Negative, $"{field} must not be negative (was {value})", $"set {field} to 0 or more") { Field = field });
        }
    }

    /// <summary>Adds a problem when the time <paramref name="value"/> is not above zero.</summary>
    private protected static void Positive(List<DefinitionProblem> problems, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(new DefinitionProblem(DefinitionProblemKind.NotPositive, $"{field} must be a positive time (was {value})", $"set {field} above zero (hh:mm:ss, for example 00:01:00)") { Field = field });
        }
    }
}
