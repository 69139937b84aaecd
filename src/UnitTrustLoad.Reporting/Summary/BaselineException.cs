namespace UnitTrustLoad.Reporting;

/// <summary>A baseline summary that is missing or cannot be read; the message names the file and the fix.</summary>
public sealed class BaselineException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public BaselineException()
    {
    }

    /// <summary>Creates the exception with a message naming what, where and the fix.</summary>
    public BaselineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public BaselineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
