namespace UnitTrustLoad.Engine.Running;

/// <summary>A test definition that cannot run; <see cref="Problems"/> lists every problem at once.</summary>
public sealed class LoadTestDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(IReadOnlyList<string> problems)
        : base("The load test definition is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
        => Problems = problems;

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LoadTestDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
