using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using UnitTrustLoad.Http.Sockets.Epoll;

namespace UnitTrustLoad.Http.Http11;

/// <summary>
/// The suite's own HTTP/1.1 client for plain http://, the hot path: keep-alive <see cref="Http11Connection"/>s pooled
/// as callers need them (at most <see cref="Http11ClientOptions.MaxConnections"/>), request heads encoded once, answers
/// read in place from the connection's buffer. Timeouts are enforced by one watchdog timer, not a timer per request.
/// It reports what happened and never sends a request twice: whether to try again is the caller's decision, made
/// from <see cref="HttpAnswer.BytesSent"/> and <see cref="HttpAnswer.Outcome"/>. Before a pooled connection carries a
/// request, before any byte is written, it is checked: past its lifetime or the server's <c>Keep-Alive: timeout</c>
/// (less a margin) it is closed; once idle for a millisecond or more, one non-blocking look (poll, or on the epoll loop
/// the close it already saw and a MSG_PEEK recv) tells whether the server closed it meanwhile, and then another is
/// taken or opened. The pool is last in, first out. The host is resolved again after the connection lifetime, and each
/// of its addresses is tried in turn until one connects.
/// </summary>
public sealed class Http11Client : IHttpTransport, IAnswerOwner
{
    private readonly IdleStack<Http11Connection> _idle;
    private readonly List<Http11Connection> _all = [];
    private readonly Lock _allGate = new();
    private readonly SemaphoreSlim _returned = new(0);
    private readonly Uri _baseUrl;
    private readonly Http11ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _watchdog;
    private readonly EpollLoop? _loop;
    private readonly long _lifetimeTicks;
    private readonly long _probeAfterTicks;
    private volatile Resolution? _resolution;
    private int _open;
    private int _waiters;

    /// <summary>A client for the host and port of <paramref name="baseUrl"/> (http:// only).</summary>
    public Http11Client(Uri baseUrl, Http11ClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (baseUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The HTTP/1.1 client speaks plain http:// only, not {baseUrl.Scheme}://.", nameof(baseUrl));
        }

        _loop = options.UseEpoll ? new EpollLoop() : null;
        _idle = new IdleStack<Http11Connection>(options.MaxConnections);
        _lifetimeTicks = Ticks(options.PooledConnectionLifetime, time);
        _probeAfterTicks = Math.Max(1, time.TimestampFrequency / 1000);
        _baseUrl = baseUrl;
        _options = options;
        _time = time;
        var period = TimeSpan.FromTicks(Math.Clamp(options.RequestTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromMilliseconds(250).Ticks));
        _watchdog = time.CreateTimer(static state => ((Http11Client)state!).AbortLate(), this, period, period);
    }

    /// <inheritdoc/>
    public string Description => "lean HTTP/1.1 (keep-alive connections, heads encoded once), sockets on "
        + (UsesEpoll ? "our epoll loop" : ".NET's engine");

    /// <summary>True where our epoll loop can drive the sockets (64-bit Linux): see <see cref="Http11ClientOptions.UseEpoll"/>.</summary>
    public static bool SupportsEpoll => EpollLoop.IsSupported;

    /// <summary>True when the sockets run on our epoll loop rather than .NET's socket engine.</summary>
    public bool UsesEpoll => _loop is not null;

    /// <summary>Connections open now (idle and busy).</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HttpAnswer> PostAsync<TBody>(HttpRequestTemplate request, HeaderLine? header, TBody body, CancellationToken cancellationToken)
        where TBody : IRequestBody
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetTimestamp();
        var deadline = now + (long)(_options.RequestTimeout.TotalSeconds * _time.TimestampFrequency);
        var (connection, failure) = await AcquireAsync(now, deadline, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return failure;
        }

        var length = connection.WriteRequest(request, header, body);
        var reused = connection.Reused;
        var wasIdle = reused && now - connection.IdleSince >= _probeAfterTicks;
        Exchange exchange;
        try
        {
            exchange = await connection.ExchangeAsync(length, deadline, wasIdle, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Release(connection);
            throw;
        }

        if (exchange.Outcome != WireOutcome.Answered)
        {
            var sent = connection.BytesSent;
            Release(connection);
            return HttpAnswer.Failed(exchange.Outcome, exchange.Error ?? "no answer", sent, reused);
        }

        if (ContentDecoder.Decodes(exchange.Head.Coding))
        {
            // Asked for with Accept-Encoding: decoded into a pooled buffer, and the connection goes back at once.
            var answer = ContentDecoder.Answer(exchange.Head.Status, connection.ReceiveBuffer, exchange.BodyStart, exchange.BodyLength, exchange.Head.Coding, length, reused, this);
            Release(connection);
            return answer;
        }

        // The answer holds the connection until the caller has read the body and disposes it (Return below).
        connection.Leased = 1;
        return new HttpAnswer(WireOutcome.Answered, exchange.Head.Status, connection.ReceiveBuffer, exchange.BodyStart, exchange.BodyLength, length, reused, null, this, connection);
    }

    void IAnswerOwner.Return(object? lease)
    {
        // A copy of an answer disposed twice must not put its connection in the pool twice.
        if (lease is Http11Connection connection && Interlocked.Exchange(ref connection.Leased, 0) == 1)
        {
            Release(connection);
        }
        else if (lease is byte[] decoded)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watchdog.Dispose();
        lock (_allGate)
        {
            foreach (var connection in _all)
            {
                connection.Dispose();
            }

            _all.Clear();
        }

        _loop?.Dispose();

        // _returned is not disposed: a request still finishing after the run may signal it, and it holds no handle.
    }

    private async ValueTask<(Http11Connection? Connection, HttpAnswer Failure)> AcquireAsync(long now, long deadline, CancellationToken cancellationToken)
    {
        var waiting = false;
        try
        {
            while (true)
            {
                while (_idle.TryPop(out var idle))
                {
                    if (Reusable(idle, now))
                    {
                        return (idle, default);
                    }

                    Forget(idle);
                }

                if (Interlocked.Increment(ref _open) <= _options.MaxConnections)
                {
                    return await ConnectAsync(now, cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Decrement(ref _open);
                if (!waiting)
                {
                    waiting = true;
                    Interlocked.Increment(ref _waiters);
                    continue;
                }

                var remaining = TimeSpan.FromSeconds((double)(deadline - _time.GetTimestamp()) / _time.TimestampFrequency);
                if (remaining <= TimeSpan.Zero)
                {
                    return (null, HttpAnswer.Failed(WireOutcome.Timeout, $"no free connection within the request timeout (at most {_options.MaxConnections} connections)"));
                }

                // Bounded wait: a release signals, and the short cap re-checks even if a signal was missed.
                await _returned.WaitAsync(remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
                now = _time.GetTimestamp();
            }
        }
        finally
        {
            if (waiting)
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
    }

    // Checked before any byte is written: a connection that may not or cannot carry the request is never used.
    private bool Reusable(Http11Connection idle, long now)
        => !idle.IsDead && now < idle.ReuseBefore && !idle.PeerGone(probe: now - idle.IdleSince >= _probeAfterTicks);

    private async ValueTask<(Http11Connection? Connection, HttpAnswer Failure)> ConnectAsync(long now, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await AddressesAsync(now, cancellationToken).ConfigureAwait(false);
            string? errors = null;
            var timedOut = true;
            foreach (var address in addresses)
            {
                var endPoint = new IPEndPoint(address, _baseUrl.Port);
                var (connection, error, late) = await Http11Connection.ConnectAsync(endPoint, _options.ConnectTimeout, _loop, _time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
                if (connection is not null)
                {
                    return Keep(connection);
                }

                errors = errors is null ? error : $"{errors}; {error}";
                timedOut &= late;
            }

            // No address took the connection: resolve afresh next time, the host may have moved.
            _resolution = null;
            Interlocked.Decrement(ref _open);
            return (null, HttpAnswer.Failed(timedOut ? WireOutcome.Timeout : WireOutcome.ConnectFailed, errors ?? $"{_baseUrl.Host}: no address"));
        }
        catch (SocketException ex)
        {
            Interlocked.Decrement(ref _open);
            return (null, HttpAnswer.Failed(WireOutcome.ConnectFailed, $"{_baseUrl.Host}: {ex.Message}"));
        }
        catch
        {
            Interlocked.Decrement(ref _open);
            throw;
        }
    }

    private (Http11Connection? Connection, HttpAnswer Failure) Keep(Http11Connection connection)
    {
        connection.ExpiresAt = SaturatingAdd(connection.OpenedAt, _lifetimeTicks);
        connection.ReuseBefore = connection.ExpiresAt;
        if (!_idle.TryAssignSlot(connection))
        {
            // Cannot happen while _open bounds the connections kept; refused rather than kept untracked.
            connection.Dispose();
            Interlocked.Decrement(ref _open);
            return (null, HttpAnswer.Failed(WireOutcome.ConnectFailed, $"no free connection slot (at most {_options.MaxConnections} connections)"));
        }

        lock (_allGate)
        {
            _all.Add(connection);
        }

        return (connection, default);
    }

    // The host's addresses, resolved again once a connection lifetime has passed (an IP literal never is).
    private async ValueTask<IPAddress[]> AddressesAsync(long now, CancellationToken cancellationToken)
    {
        var known = _resolution;
        if (known is not null && now < known.Until)
        {
            return known.Addresses;
        }

        var host = _baseUrl.IdnHost;
        if (IPAddress.TryParse(host, out var literal))
        {
            _resolution = new Resolution([literal], long.MaxValue);
            return _resolution.Addresses;
        }

        var addresses = _options.ResolveHost is { } resolve
            ? await resolve(host, cancellationToken).ConfigureAwait(false)
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        _resolution = new Resolution(addresses, SaturatingAdd(now, _lifetimeTicks));
        return addresses;
    }

    private void Release(Http11Connection connection)
    {
        if (connection.IsDead)
        {
            Forget(connection);
        }
        else
        {
            var now = _time.GetTimestamp();
            connection.IdleSince = now;
            var keepAlive = connection.KeepAliveSeconds;
            connection.ReuseBefore = keepAlive < 0
                ? connection.ExpiresAt
                : Math.Min(connection.ExpiresAt, SaturatingAdd(now, KeepAliveTicks(keepAlive)));
            _idle.Push(connection);
        }

        if (Volatile.Read(ref _waiters) > 0)
        {
            _returned.Release();
        }
    }

    private void Forget(Http11Connection connection)
    {
        connection.Dispose();
        bool removed;
        lock (_allGate)
        {
            removed = _all.Remove(connection);
        }

        if (removed)
        {
            _idle.ReleaseSlot(connection);
            Interlocked.Decrement(ref _open);
        }
    }

    // The server's idle timeout less a margin (a second, or half of a shorter timeout), so we never race its close.
    private long KeepAliveTicks(int seconds)
        => (long)((seconds - Math.Min(1.0, seconds / 2.0)) * _time.TimestampFrequency);

    private static long Ticks(TimeSpan span, TimeProvider time)
        => span <= TimeSpan.Zero || span == Timeout.InfiniteTimeSpan || span.TotalSeconds * time.TimestampFrequency >= long.MaxValue / 2
            ? long.MaxValue / 2
            : (long)(span.TotalSeconds * time.TimestampFrequency);

    private static long SaturatingAdd(long at, long ticks) => at > long.MaxValue - ticks ? long.MaxValue : at + ticks;

    /// <summary>The host's addresses and until when they hold.</summary>
    private sealed record Resolution(IPAddress[] Addresses, long Until);

    private void AbortLate()
    {
        var now = _time.GetTimestamp();
        lock (_allGate)
        {
            foreach (var connection in _all)
            {
                connection.AbortIfLate(now);
            }
        }
    }
}
