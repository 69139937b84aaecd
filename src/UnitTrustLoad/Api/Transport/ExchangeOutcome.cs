namespace UnitTrustLoad.Api.Transport;

/// <summary>How one request/response exchange on a connection ended.</summary>
internal enum ExchangeOutcome
{
    /// <summary>A complete response was read.</summary>
    Answered,

    /// <summary>No complete answer within the request timeout.</summary>
    Timeout,

    /// <summary>The connection failed or closed mid-answer.</summary>
    ConnectionError,

    /// <summary>A reused keep-alive connection was closed by the server before any answer: safe to send again on a new one.</summary>
    ClosedBeforeAnswer,

    /// <summary>The bytes received are not an HTTP/1.1 response.</summary>
    Malformed,
}
