using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Sources;

namespace UnitTrustLoad.Http.Sockets.Epoll;

/// <summary>
/// A non-blocking TCP socket served by an <see cref="EpollLoop"/>: one send or receive pending at a time (a connection
/// serves one request at a time), completed inline on the loop thread. Edge-triggered, so readiness is remembered: a
/// receive tries the socket at once only when an edge came since the last receive found it drained, otherwise it
/// waits for the next edge without the syscall that would find nothing. All syscalls and the close happen under one
/// lock, so a descriptor is never used after it is closed, nor its number after it is reused.
/// </summary>
internal sealed class EpollSocket : ClientSocket, IValueTaskSource<int>
{
    private const int None = 0;
    private const int Receiving = 1;
    private const int Sending = 2;
    private const int Connecting = 3;

    private static int s_generations;

    private readonly Lock _gate = new();
    private readonly EpollLoop _loop;
    private readonly Socket _socket;
    private readonly int _fd;
    private ManualResetValueTaskSourceCore<int> _core = new() { RunContinuationsAsynchronously = false };
    private CancellationTokenRegistration _cancellation;
    private CancellationToken _token;
    private Memory<byte> _receiveBuffer;
    private ReadOnlyMemory<byte> _sendBuffer;
    private int _pending;
    private bool _readable;
    private bool _writable;
    private bool _peerClosed;
    private bool _closed;

    private EpollSocket(EpollLoop loop, Socket socket)
    {
        _loop = loop;
        _socket = socket;
        _fd = (int)socket.Handle;
        Generation = Interlocked.Increment(ref s_generations);
    }

    /// <summary>Tells this socket's events from those of an earlier one that had its slot.</summary>
    public int Generation { get; }

    public int Slot { get; set; } = -1;

    /// <summary>Connects without blocking; the loop reports when the handshake is done.</summary>
    public static async ValueTask<EpollSocket> ConnectAsync(EpollLoop loop, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        EpollSocket? epoll = null;
        try
        {
            epoll = new EpollSocket(loop, socket);
            var started = epoll.StartConnect(endPoint);
            loop.Register(epoll, epoll._fd);
            if (!started)
            {
                await epoll.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
            }

            if (socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error and not 0)
            {
                throw new SocketException(error);
            }

            return epoll;
        }
        catch
        {
            if (epoll is not null)
            {
                epoll.Dispose();
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    public override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Start(Receiving, buffer, default, cancellationToken);
        }
    }

    public override ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Start(Sending, default, data, cancellationToken);
        }
    }

    /// <summary>
    /// The loop has already seen the peer's close (EPOLLRDHUP, sticky) without a syscall; with <paramref name="probe"/>
    /// one recv(MSG_PEEK | MSG_DONTWAIT) of a byte also catches a close whose event the loop has not handled yet.
    /// </summary>
    public override unsafe bool PeerGone(bool probe)
    {
        if (Volatile.Read(ref _peerClosed) || Volatile.Read(ref _closed))
        {
            return true;
        }

        if (!probe)
        {
            return false;
        }

        lock (_gate)
        {
            if (_closed || _peerClosed)
            {
                return true;
            }

            byte peeked;
            var got = Libc.Recv(_fd, &peeked, 1, Libc.MSG_PEEK | Libc.MSG_DONTWAIT);
            // 0: the peer closed; 1: bytes no request asked for; -1 other than EAGAIN: reset or broken.
            return got >= 0 || Marshal.GetLastPInvokeError() != Libc.EAGAIN;
        }
    }

    public override unsafe bool ClosedByPeer()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return true;
            }

            byte peeked;
            var got = Libc.Recv(_fd, &peeked, 1, Libc.MSG_PEEK | Libc.MSG_DONTWAIT);
            return got == 0 || (got < 0 && Marshal.GetLastPInvokeError() != Libc.EAGAIN);
        }
    }

    /// <summary>Closes the socket; a pending operation ends with <see cref="SocketError.OperationAborted"/>.</summary>
    public override void Dispose()
    {
        bool wasPending;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            wasPending = _pending != None;
            _pending = None;
            if (Slot >= 0)
            {
                _loop.Unregister(Slot, _fd);
            }

            _socket.Dispose();
        }

        if (wasPending)
        {
            CompleteElsewhere(new SocketException((int)SocketError.OperationAborted));
        }
    }

    /// <summary>Called by the loop thread with the events epoll reported for this socket.</summary>
    public void OnEvents(uint events)
    {
        int result;
        Exception? failure;
        lock (_gate)
        {
            if ((events & (Libc.EPOLLIN | Libc.EPOLLRDHUP | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0)
            {
                _readable = true;
            }

            if ((events & (Libc.EPOLLRDHUP | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0)
            {
                // Sticky: the close may have come with the last data, in the same edge, and no edge follows it.
                _peerClosed = true;
            }

            if ((events & (Libc.EPOLLOUT | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0)
            {
                _writable = true;
            }

            if (_pending == None || !Ready(_pending))
            {
                return;
            }

            result = Attempt(_pending, out failure);
            if (result < 0 && failure is null)
            {
                return;
            }

            _pending = None;
        }

        Complete(result, failure);
    }

    /// <summary>Called by the loop thread once its batch is done: the send held by <see cref="Start"/>.</summary>
    public void SendDeferred()
    {
        int result;
        Exception? failure;
        lock (_gate)
        {
            if (_pending != Sending)
            {
                return; // closed meanwhile (Dispose has ended it)
            }

            result = Attempt(Sending, out failure);
            if (result < 0 && failure is null)
            {
                // The send buffer is full: wait for the EPOLLOUT edge like any other send, now cancellable.
                Watch(_token);
                return;
            }

            _pending = None;
        }

        Complete(result, failure);
    }

    /// <summary>Ends a pending operation with an error the loop caught (a bug in a continuation, not a socket error).</summary>
    public void Fail(Exception exception)
    {
        lock (_gate)
        {
            if (_pending == None)
            {
                return;
            }

            _pending = None;
        }

        Complete(0, exception);
    }

    int IValueTaskSource<int>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    // Before registration, so nothing else touches the socket yet. True when connect() finished at once.
    private unsafe bool StartConnect(IPEndPoint endPoint)
    {
        var flags = Libc.Fcntl(_fd, Libc.F_GETFL, 0);
        if (flags < 0 || Libc.Fcntl(_fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK) < 0)
        {
            throw new SocketException((int)SocketError.SocketError, $"could not make the socket non-blocking: {Libc.Describe(Marshal.GetLastPInvokeError())}");
        }

        // SocketAddress holds the platform's own sockaddr bytes.
        var address = endPoint.Serialize();
        Span<byte> raw = stackalloc byte[address.Size];
        address.Buffer.Span[..address.Size].CopyTo(raw);
        fixed (byte* pointer = raw)
        {
            if (Libc.Connect(_fd, pointer, raw.Length) == 0)
            {
                return true;
            }
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno != Libc.EINPROGRESS)
        {
            throw new SocketException((int)SocketError.SocketError, Libc.Describe(errno));
        }

        return false;
    }

    private ValueTask<int> WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Start(Connecting, default, default, cancellationToken);
        }
    }

    // Under _gate: the operation done now when the socket is ready for it, else left pending for the loop.
    private ValueTask<int> Start(int operation, Memory<byte> receive, ReadOnlyMemory<byte> send, CancellationToken cancellationToken)
    {
        if (Unusable(cancellationToken) is { } refused)
        {
            return ValueTask.FromException<int>(refused);
        }

        _receiveBuffer = receive;
        _sendBuffer = send;
        if (operation == Sending && _loop.DefersSends)
        {
            // Held to the end of the loop's batch (SendDeferred); no cancellation watch, the wait is that short.
            _core.Reset();
            _pending = Sending;
            _token = cancellationToken;
            _loop.Defer(this);
            return new ValueTask<int>(this, _core.Version);
        }

        if (Ready(operation))
        {
            var result = Attempt(operation, out var failure);
            if (failure is not null || result >= 0)
            {
                _receiveBuffer = default;
                _sendBuffer = default;
                return failure is null ? new ValueTask<int>(result) : ValueTask.FromException<int>(failure);
            }
        }

        return Pend(operation, cancellationToken);
    }

    // Under _gate. A receive waits for an edge once it has found the socket drained; a send always tries (the send
    // buffer is rarely full, and a fresh socket has had no EPOLLOUT edge yet); a connect waits for writability.
    private bool Ready(int operation) => operation switch
    {
        Receiving => _readable,
        Sending => true,
        _ => _writable,
    };

    // Under _gate. The operation's result (bytes, or 0 for a connect), or -1 when it must wait for the next edge.
    private int Attempt(int operation, out Exception? failure)
    {
        failure = null;
        return operation switch
        {
            Receiving => TryReceive(_receiveBuffer.Span, out failure),
            Sending => TrySend(_sendBuffer.Span, out failure),
            _ => 0,
        };
    }

    // Under _gate.
    private Exception? Unusable(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return new ObjectDisposedException(nameof(EpollSocket));
        }

        if (_pending != None)
        {
            return new InvalidOperationException("a socket operation is already pending");
        }

        return cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : null;
    }

    // Under _gate: the operation waits for the loop (or cancellation, or Dispose).
    private ValueTask<int> Pend(int operation, CancellationToken cancellationToken)
    {
        _core.Reset();
        _pending = operation;
        _token = cancellationToken;
        Watch(cancellationToken);
        return new ValueTask<int>(this, _core.Version);
    }

    // Under _gate.
    private void Watch(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((EpollSocket)state!).Cancel(token), this);
        }
    }

    // A late callback of an earlier operation's token (a connect timeout, say) must not end the next operation.
    private void Cancel(CancellationToken token)
    {
        lock (_gate)
        {
            if (_pending == None || _token != token)
            {
                return;
            }

            _pending = None;
        }

        CompleteElsewhere(new OperationCanceledException(token));
    }

    // Ended by Dispose or cancellation: the continuation runs on the pool, never inside the caller (the timeout
    // watchdog walks its connection list under a lock; a continuation there would change that list).
    private void CompleteElsewhere(Exception failure)
        => ThreadPool.UnsafeQueueUserWorkItem(static state => state.Socket.Complete(0, state.Failure), (Socket: this, Failure: failure), preferLocal: false);

    // Outside _gate: the continuation runs inline from here.
    private void Complete(int result, Exception? failure)
    {
        _cancellation.Unregister();
        _cancellation = default;
        _token = default;
        _receiveBuffer = default;
        _sendBuffer = default;
        if (failure is null)
        {
            _core.SetResult(result);
        }
        else
        {
            _core.SetException(failure);
        }
    }

    // Under _gate. Bytes received (0 at end of stream), or -1 when there is nothing to read yet.
    private unsafe int TryReceive(Span<byte> buffer, out Exception? failure)
    {
        nint received;
        fixed (byte* pointer = buffer)
        {
            received = Libc.Recv(_fd, pointer, buffer.Length, 0);
        }

        if (received >= 0)
        {
            // A short read drained the socket: the next data brings a new edge. Once the peer has closed, no edge
            // will come for the end of stream, so the socket stays readable (recv then returns 0 at once).
            _readable = received == 0 || received == buffer.Length || _peerClosed;
        }

        return Outcome(received, ref _readable, out failure);
    }

    // Under _gate. Bytes sent, or -1 when the send buffer is full.
    private unsafe int TrySend(ReadOnlySpan<byte> data, out Exception? failure)
    {
        nint sent;
        fixed (byte* pointer = data)
        {
            sent = Libc.Send(_fd, pointer, data.Length, Libc.MSG_NOSIGNAL);
        }

        return Outcome(sent, ref _writable, out failure);
    }

    // A syscall's result: the count; -1 with the readiness flag cleared on EAGAIN (wait for the next edge); -1 with
    // the failure for any other error.
    private static int Outcome(nint done, ref bool ready, out Exception? failure)
    {
        failure = null;
        if (done >= 0)
        {
            return (int)done;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == Libc.EAGAIN)
        {
            ready = false;
        }
        else
        {
            failure = new IOException(Libc.Describe(errno));
        }

        return -1;
    }
}
