namespace UnitTrustLoad.Http;

/// <summary>How one request ended on the wire.</summary>
public enum WireOutcome
{
    /// <summary>A complete response was read; <see cref="HttpAnswer.Status"/> and <see cref="HttpAnswer.Body"/> hold it.</summary>
    Answered,

    /// <summary>No connection could be opened (refused, unreachable, unresolvable): no byte of the request was sent.</summary>
    ConnectFailed,

    /// <summary>No complete answer within the request timeout (connecting and waiting for a free connection included).</summary>
    Timeout,

    /// <summary>The connection failed or closed mid-request or mid-answer.</summary>
    ConnectionError,

    /// <summary>
    /// A reused keep-alive connection was closed by the server with no byte of an answer. Whether the server read the
    /// request is unknown: see <see cref="HttpAnswer.BytesSent"/>.
    /// </summary>
    ClosedBeforeAnswer,

    /// <summary>
    /// A reused keep-alive connection whose server had closed it before the request could reach it: the server's
    /// close (FIN or reset, with no byte of an answer) had already arrived when the request was written out, so it
    /// was sent before our first byte could arrive, and no server read the request. Looked at only for a connection
    /// that had been idle (where a server's idle timeout can cross the request); a caller may send it again.
    /// </summary>
    ClosedBeforeRequest,

    /// <summary>The bytes received are not an HTTP/1.1 response, or one larger than the client accepts.</summary>
    Malformed,
}
