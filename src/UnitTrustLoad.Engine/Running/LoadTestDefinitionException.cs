namespace UnitTrustLoad.Engine.Running;

/// <summary>A test definition that cannot run; <see cref="Problems"/> lists every problem at once.</summary>
public sealed class LoadTestDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = new List<string>(problems.Count);
        foreach (var problem in problems)
        {
            lines.Add(problem.ToString());
        }

        return "The load test definition is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", lines);
    }
}
