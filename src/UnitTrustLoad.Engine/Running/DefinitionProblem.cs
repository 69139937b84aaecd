using System.Text;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// One reason a load test definition cannot run, as data: what kind of mistake, where it is (scenario, simulation,
/// threshold, field), what is wrong and how to fix it. A caller with its own configuration maps
/// <see cref="Scenario"/>, <see cref="SimulationIndex"/> and <see cref="Field"/> to its own paths.
/// </summary>
/// <param name="Kind">The kind of mistake.</param>
/// <param name="Message">What is wrong, for example "Rate must be positive (was 0)".</param>
/// <param name="Fix">How to fix it, for example "set Rate to 1 or more".</param>
public sealed record DefinitionProblem(DefinitionProblemKind Kind, string Message, string Fix)
{
    /// <summary>The scenario the problem is in, or null for the whole test.</summary>
    public string? Scenario { get; init; }

    /// <summary>The 0-based index of the load simulation in the scenario's chain, or null.</summary>
    public int? SimulationIndex { get; init; }

    /// <summary>True when the problem is in the test's capacity search (<see cref="LoadTest.Capacity"/>); <see cref="Field"/> names its setting.</summary>
    public bool InCapacitySearch { get; init; }

    /// <summary>The 0-based index of the threshold in the test's list, or null.</summary>
    public int? ThresholdIndex { get; init; }

    /// <summary>
    /// The field at fault: a <see cref="Simulations.SimulationField"/> name for a simulation, a property name of the
    /// scenario (<c>WarmUpDuration</c>, <c>MaxConcurrency</c>, <c>LoadSimulations</c>), of the threshold
    /// (<c>Expression</c>, <c>Scenario</c>, <c>Step</c>, <c>AbortGracePeriod</c>) or of the test; null when none applies.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>"scenario 'x', load simulation 1, Rate: Rate must be positive (was 0); set Rate to 1 or more".</summary>
    public override string ToString()
    {
        var where = new StringBuilder();
        if (Scenario is not null)
        {
            where.Append("scenario '").Append(Scenario).Append('\'');
        }

        if (SimulationIndex is { } index)
        {
            where.Append(where.Length > 0 ? ", " : string.Empty).Append("load simulation ").Append(index + 1);
        }

        if (ThresholdIndex is { } threshold)
        {
            where.Append(where.Length > 0 ? ", " : string.Empty).Append("threshold ").Append(threshold + 1);
        }

        return where.Length == 0 ? $"{Message}; {Fix}" : $"{where}: {Message}; {Fix}";
    }
}
