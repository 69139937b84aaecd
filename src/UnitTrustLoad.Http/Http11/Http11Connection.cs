using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using UnitTrustLoad.Http.Sockets;
using UnitTrustLoad.Http.Sockets.Epoll;

namespace UnitTrustLoad.Http.Http11;

/// <summary>
/// One keep-alive HTTP/1.1 connection and its buffers, used by one request at a time. The request is written into a
/// reused send buffer (pre-encoded head, the header line, Content-Length, the body the caller writes into a reused
/// buffer), the answer read into a reused receive buffer and framed by <see cref="ResponseParser"/>. After warm-up an
/// exchange allocates nothing. Failures come back as an <see cref="Exchange"/>, not as exceptions.
/// </summary>
internal sealed class Http11Connection : IDisposable, ISlotted
{
    /// <summary>Answers larger than this are refused (an API answer is a few hundred bytes; this bounds memory).</summary>
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    private const int Idle = 0;
    private const int Busy = 1;
    private const int Aborted = 2;
    private const long TimedOut = -1;
    private const string ClosedFirstMessage = "the server had closed the keep-alive connection before the request reached it";

    private readonly ClientSocket _socket;
    private readonly ArrayBufferWriter<byte> _body = new(1024);
    private byte[] _send = new byte[2048];
    private byte[] _receive = new byte[4096];
    private int _state;
    private long _deadline;
    private int _exchanges;
    private bool _closedFirst;

    private Http11Connection(ClientSocket socket, long openedAt)
    {
        _socket = socket;
        OpenedAt = openedAt;
    }

    /// <summary>When the connection was opened (TimeProvider timestamp).</summary>
    public long OpenedAt { get; }

    /// <summary>Set while an <see cref="HttpAnswer"/> holds the connection; cleared once, when it is given back.</summary>
    public int Leased;

    /// <summary>When it went back to the pool (TimeProvider timestamp), set by the client.</summary>
    public long IdleSince;

    /// <summary>After this timestamp it is not reused: its lifetime, or the server's keep-alive timeout, ran out.</summary>
    public long ReuseBefore;

    /// <summary>When its lifetime (Target:PooledConnectionLifetime) ends, set by the client at connect.</summary>
    public long ExpiresAt;

    /// <summary>Its place in the client's <see cref="IdleStack{T}"/>, for as long as the client keeps it.</summary>
    public int Slot { get; set; } = -1;

    /// <summary>What the last answer's <c>Keep-Alive: timeout=N</c> said (seconds), -1 when it said nothing.</summary>
    public int KeepAliveSeconds { get; private set; } = -1;

    /// <summary>Bytes of the current (or last) request the socket took: 0 means none left this machine.</summary>
    public int BytesSent { get; private set; }

    /// <summary>True once the connection has answered before: a close before any answer may then be a stale keep-alive.</summary>
    public bool Reused => _exchanges > 0;

    /// <summary>Closed, or aborted by the timeout watchdog: never to be used again.</summary>
    public bool IsDead => Volatile.Read(ref _state) == Aborted;

    /// <summary>The receive buffer the last answer lies in; stable until the next exchange.</summary>
    public byte[] ReceiveBuffer => _receive;

    /// <summary>Connects through <paramref name="loop"/> when given (Linux epoll), else through .NET's socket engine.</summary>
    public static async ValueTask<(Http11Connection? Connection, string? Error, bool TimedOut)> ConnectAsync(
        EndPoint endPoint, TimeSpan connectTimeout, EpollLoop? loop, long now, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        Socket? socket = null;
        try
        {
            if (loop is not null && endPoint is IPEndPoint ip)
            {
                return (new Http11Connection(await EpollSocket.ConnectAsync(loop, ip, timeout.Token).ConfigureAwait(false), now), null, false);
            }

            socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
            return (new Http11Connection(new DotNetSocket(socket), now), null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket?.Dispose();
            return (null, $"no connection to {endPoint} within {connectTimeout.TotalSeconds:0.###} s", true);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            socket?.Dispose();
            return (null, $"{endPoint}: {ex.Message}", false);
        }
        catch (OperationCanceledException)
        {
            socket?.Dispose();
            throw;
        }
    }

    /// <summary>Writes the whole request into the send buffer; returns its length.</summary>
    public int WriteRequest<TBody>(HttpRequestTemplate request, HeaderLine? header, TBody body)
        where TBody : IRequestBody
    {
        _body.ResetWrittenCount();
        body.WriteTo(_body);
        var bodyLength = _body.WrittenCount;
        var head = request.Head;
        var extra = header is null ? [] : header.Bytes;

        const int contentLengthLine = 16 + 20 + 4; // "Content-Length: " + digits + "\r\n\r\n"
        var needed = head.Length + extra.Length + contentLengthLine + bodyLength;
        if (_send.Length < needed)
        {
            _send = new byte[Math.Max(needed, _send.Length * 2)];
        }

        var span = _send.AsSpan();
        head.CopyTo(span);
        var length = head.Length;
        extra.CopyTo(span[length..]);
        length += extra.Length;
        "Content-Length: "u8.CopyTo(span[length..]);
        length += 16;
        Utf8Formatter.TryFormat(bodyLength, span[length..], out var digits);
        length += digits;
        "\r\n\r\n"u8.CopyTo(span[length..]);
        length += 4;
        _body.WrittenSpan.CopyTo(span[length..]);
        return length + bodyLength;
    }

    /// <summary>
    /// Sends the written request and reads one answer; <paramref name="deadline"/> is watched by the transport. With
    /// <paramref name="checkAfterWrite"/> (a reused connection that had been idle), one look right after the request
    /// is written tells whether the server's close had already arrived: then it cannot have read the request
    /// (<see cref="WireOutcome.ClosedBeforeRequest"/>).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Exchange> ExchangeAsync(int requestLength, long deadline, bool checkAfterWrite, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Busy, Idle) != Idle)
        {
            return Exchange.Failed(WireOutcome.ConnectionError, "the connection was closed");
        }

        Volatile.Write(ref _deadline, deadline);
        var filled = 0;
        try
        {
            var sent = 0;
            BytesSent = 0;
            _closedFirst = false;
            while (sent < requestLength)
            {
                sent += await _socket.SendAsync(_send.AsMemory(sent, requestLength - sent), cancellationToken).ConfigureAwait(false);
                BytesSent = sent;
            }

            // The server's close already here once the request is out: it left the server before our first byte
            // could arrive there (a server's idle timeout crossing our reuse), so no server read this request.
            _closedFirst = checkAfterWrite && Reused && _socket.ClosedByPeer();

            var head = default(ResponseHead);
            var haveHead = false;
            while (true)
            {
                if (filled == _receive.Length && !Grow(filled))
                {
                    return Finish(Exchange.Failed(WireOutcome.Malformed, $"an answer larger than {MaxResponseBytes / 1024 / 1024} MiB"));
                }

                var read = await _socket.ReceiveAsync(_receive.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return Finish(EndOfStream(filled, haveHead, head));
                }

                filled += read;
                if (!haveHead)
                {
                    var parsed = ReadHead(ref filled, out head);
                    if (parsed == ParseStatus.Incomplete)
                    {
                        continue;
                    }

                    if (parsed == ParseStatus.Malformed)
                    {
                        return Finish(Exchange.Failed(WireOutcome.Malformed, "the answer is not an HTTP/1.1 response"));
                    }

                    haveHead = true;
                }

                if (Framed(head, filled) is { } done)
                {
                    return Finish(done);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            if (Interlocked.Exchange(ref _deadline, 0) == TimedOut)
            {
                Abort();
                return Exchange.Failed(WireOutcome.Timeout, "no answer within the request timeout");
            }

            if (cancellationToken.IsCancellationRequested)
            {
                Abort();
                throw;
            }

            Abort();
            return Exchange.Failed(
                filled == 0 && Reused ? (_closedFirst ? WireOutcome.ClosedBeforeRequest : WireOutcome.ClosedBeforeAnswer) : WireOutcome.ConnectionError,
                _closedFirst && filled == 0 ? ClosedFirstMessage : ex.Message);
        }
    }

    /// <summary>The watchdog's check: past its deadline, the connection is closed, which ends the pending receive.</summary>
    public bool AbortIfLate(long now)
    {
        // Claiming this very deadline (not just "busy") means a request that finished meanwhile, or the next one on
        // this connection with its own deadline, can never be aborted by a late look at the old one.
        var deadline = Volatile.Read(ref _deadline);
        if (deadline <= 0 || now < deadline || Interlocked.CompareExchange(ref _deadline, TimedOut, deadline) != deadline)
        {
            return false;
        }

        Abort();
        return true;
    }

    /// <summary>True when this idle connection must not carry a request (<see cref="ClientSocket.PeerGone"/>).</summary>
    public bool PeerGone(bool probe) => _socket.PeerGone(probe);

    public void Dispose() => Abort();

    private void Abort()
    {
        Volatile.Write(ref _state, Aborted);
        _socket.Dispose();
    }

    // Back to idle unless the watchdog got there first (then the answer still counts, but the connection is gone).
    private Exchange Finish(Exchange exchange)
    {
        var timedOut = Interlocked.Exchange(ref _deadline, 0) == TimedOut;
        if (exchange.Outcome == WireOutcome.Answered && !timedOut && Interlocked.CompareExchange(ref _state, Idle, Busy) == Busy)
        {
            _exchanges++;
            KeepAliveSeconds = exchange.Head.KeepAliveSeconds;
            if (exchange.Head.Close)
            {
                Abort();
            }

            return exchange;
        }

        Abort();
        return exchange;
    }

    // The final answer's head; interim answers (100 Continue and the like) before it are dropped from the buffer.
    private ParseStatus ReadHead(ref int filled, out ResponseHead head)
    {
        while (true)
        {
            var parsed = ResponseParser.TryParseHead(_receive.AsSpan(0, filled), out head);
            if (parsed != ParseStatus.Complete || !head.IsInterim)
            {
                return parsed;
            }

            filled -= head.HeadLength;
            _receive.AsSpan(head.HeadLength, filled).CopyTo(_receive);
            if (filled == 0)
            {
                return ParseStatus.Incomplete;
            }
        }
    }

    private Exchange? Framed(ResponseHead head, int filled)
    {
        var available = filled - head.HeadLength;
        if (head.HasNoBody)
        {
            return Answered(head with { Close = head.Close || available > 0 }, 0);
        }

        if (head.Chunked)
        {
            var status = ResponseParser.TryDecodeChunked(_receive.AsSpan(head.HeadLength, available), out var bodyLength, out var consumed);
            return status switch
            {
                ParseStatus.Complete => Answered(head with { Close = head.Close || consumed < available }, bodyLength),
                ParseStatus.Malformed => Exchange.Failed(WireOutcome.Malformed, "a malformed chunked body"),
                _ => null,
            };
        }

        if (head.ContentLength >= 0)
        {
            if (head.ContentLength > MaxResponseBytes)
            {
                return Exchange.Failed(WireOutcome.Malformed, $"an answer larger than {MaxResponseBytes / 1024 / 1024} MiB");
            }

            // Bytes beyond the body would belong to no request of ours: answer, but do not reuse the connection.
            return available >= head.ContentLength
                ? Answered(head with { Close = head.Close || available > head.ContentLength }, (int)head.ContentLength)
                : null;
        }

        // Neither length nor chunked: the body runs until the server closes (handled at end of stream).
        return null;
    }

    private Exchange EndOfStream(int filled, bool haveHead, ResponseHead head)
    {
        if (haveHead && !head.Chunked && head.ContentLength < 0)
        {
            return Answered(head with { Close = true }, filled - head.HeadLength);
        }

        if (filled == 0 && Reused && _closedFirst)
        {
            return Exchange.Failed(WireOutcome.ClosedBeforeRequest, ClosedFirstMessage);
        }

        return filled == 0 && Reused
            ? Exchange.Failed(WireOutcome.ClosedBeforeAnswer, "the server closed the keep-alive connection")
            : Exchange.Failed(WireOutcome.ConnectionError, filled == 0
                ? "the server closed the connection without answering"
                : "the server closed the connection mid-answer");
    }

    private static Exchange Answered(ResponseHead head, int bodyLength) => new(WireOutcome.Answered, head, head.HeadLength, bodyLength, null);

    private bool Grow(int filled)
    {
        if (_receive.Length >= MaxResponseBytes + ResponseParser.MaxHeadBytes)
        {
            return false;
        }

        var bigger = new byte[Math.Min(_receive.Length * 2, MaxResponseBytes + ResponseParser.MaxHeadBytes)];
        _receive.AsSpan(0, filled).CopyTo(bigger);
        _receive = bigger;
        return true;
    }
}
