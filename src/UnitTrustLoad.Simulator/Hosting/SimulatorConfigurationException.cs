namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>Thrown when the simulator's settings are invalid; the message lists every problem with its setting name and how to fix it.</summary>
public sealed class SimulatorConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SimulatorConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid simulator settings:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulatorConfigurationException()
        : this(["(no details)"])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulatorConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SimulatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
