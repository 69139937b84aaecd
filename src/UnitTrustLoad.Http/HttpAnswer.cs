namespace UnitTrustLoad.Http;

/// <summary>
/// What happened on the wire for one request: the outcome, and on <see cref="WireOutcome.Answered"/> the status and the
/// (de-chunked) body; how many bytes of the request were written, so a caller can tell a request that never left from
/// one the server may have carried out. The body lies in the client's own buffer: read it, then dispose the answer
/// exactly once, which hands the connection (or buffer) back.
/// </summary>
public readonly struct HttpAnswer : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly int _bodyStart;
    private readonly IAnswerOwner? _owner;
    private readonly object? _lease;

    internal HttpAnswer(WireOutcome outcome, int status, byte[]? buffer, int bodyStart, int bodyLength, long bytesSent, bool reused, string? error, IAnswerOwner? owner, object? lease)
    {
        Outcome = outcome;
        Status = status;
        _buffer = buffer;
        _bodyStart = bodyStart;
        BodyLength = bodyLength;
        BytesSent = bytesSent;
        ConnectionReused = reused;
        Error = error;
        _owner = owner;
        _lease = lease;
    }

    /// <summary>How the request ended.</summary>
    public WireOutcome Outcome { get; }

    /// <summary>The response's status code; 0 unless <see cref="Outcome"/> is <see cref="WireOutcome.Answered"/>.</summary>
    public int Status { get; }

    /// <summary>The body's length in bytes.</summary>
    public int BodyLength { get; }

    /// <summary>Bytes of the request written to the connection (head and body); 0 when none left this machine.</summary>
    public long BytesSent { get; }

    /// <summary>True when any byte of the request was written: the server may have read and carried it out.</summary>
    public bool RequestWritten => BytesSent > 0;

    /// <summary>True when the request went on a connection that had answered before (a keep-alive connection).</summary>
    public bool ConnectionReused { get; }

    /// <summary>Why the request did not get an answer, for people; null when answered.</summary>
    public string? Error { get; }

    /// <summary>The response body; valid until the answer is disposed.</summary>
    public ReadOnlySpan<byte> Body => _buffer is null ? default : _buffer.AsSpan(_bodyStart, BodyLength);

    /// <summary>An answer that never reached the wire or lost it, with nothing to give back.</summary>
    internal static HttpAnswer Failed(WireOutcome outcome, string error, long bytesSent = 0, bool reused = false)
        => new(outcome, 0, null, 0, 0, bytesSent, reused, error, null, null);

    /// <summary>Hands the connection or buffer back; call once, after the body was read.</summary>
    public void Dispose() => _owner?.Return(_lease);
}
