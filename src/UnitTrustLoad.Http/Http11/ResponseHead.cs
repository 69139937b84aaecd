namespace UnitTrustLoad.Http.Http11;

/// <summary>
/// What the status line and headers say: the status, how many bytes they took, and how the body is framed
/// (<see cref="ContentLength"/> is -1 when absent; with neither it nor chunked, the body runs to the connection's close),
/// how long the server keeps the connection open idle (<c>Keep-Alive: timeout=N</c>, seconds; -1 when not said), and the
/// body's Content-Encoding.
/// </summary>
internal readonly record struct ResponseHead(int Status, int HeadLength, long ContentLength, bool Chunked, bool Close, int KeepAliveSeconds = -1, ContentCoding Coding = ContentCoding.None)
{
    /// <summary>1xx (other than 101), 204 and 304 answers carry no body whatever their headers say (RFC 9112 section 6.3).</summary>
    public bool HasNoBody => Status is (>= 100 and < 200) or 204 or 304;

    /// <summary>An interim answer (100 Continue, 103 Early Hints): the real one follows on the same connection.</summary>
    public bool IsInterim => Status is >= 100 and < 200 and not 101;
}
