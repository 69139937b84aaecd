using System.Collections.Concurrent;
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
/// from <see cref="HttpAnswer.BytesSent"/> and <see cref="HttpAnswer.Outcome"/>.
/// </summary>
public sealed class Http11Client : IHttpTransport, IAnswerOwner
{
    private readonly ConcurrentQueue<Http11Connection> _idle = new();
    private readonly List<Http11Connection> _all = [];
    private readonly Lock _allGate = new();
    private readonly SemaphoreSlim _returned = new(0);
    private readonly Uri _baseUrl;
    private readonly Http11ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _watchdog;
    private readonly EpollLoop? _loop;
    private EndPoint? _endPoint;
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
        var deadline = _time.GetTimestamp() + (long)(_options.RequestTimeout.TotalSeconds * _time.TimestampFrequency);
        var (connection, failure) = await AcquireAsync(deadline, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return failure;
        }

        var length = connection.WriteRequest(request, header, body);
        var reused = connection.Reused;
        Exchange exchange;
        try
        {
            exchange = await connection.ExchangeAsync(length, deadline, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask<(Http11Connection? Connection, HttpAnswer Failure)> AcquireAsync(long deadline, CancellationToken cancellationToken)
    {
        var waiting = false;
        try
        {
            while (true)
            {
                while (_idle.TryDequeue(out var idle))
                {
                    if (!idle.IsDead)
                    {
                        return (idle, default);
                    }

                    Forget(idle);
                }

                if (Interlocked.Increment(ref _open) <= _options.MaxConnections)
                {
                    return await ConnectAsync(cancellationToken).ConfigureAwait(false);
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

    private async ValueTask<(Http11Connection? Connection, HttpAnswer Failure)> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var endPoint = _endPoint ??= await ResolveAsync(cancellationToken).ConfigureAwait(false);
            var (connection, error, timedOut) = await Http11Connection.ConnectAsync(endPoint, _options.ConnectTimeout, _loop, _time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                Interlocked.Decrement(ref _open);
                return (null, HttpAnswer.Failed(timedOut ? WireOutcome.Timeout : WireOutcome.ConnectFailed, error!));
            }

            lock (_allGate)
            {
                _all.Add(connection);
            }

            return (connection, default);
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

    private async Task<EndPoint> ResolveAsync(CancellationToken cancellationToken)
    {
        var port = _baseUrl.Port;
        if (IPAddress.TryParse(_baseUrl.IdnHost, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(_baseUrl.IdnHost, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0
            ? new IPEndPoint(addresses[0], port)
            : throw new SocketException((int)SocketError.HostNotFound);
    }

    private void Release(Http11Connection connection)
    {
        if (connection.IsDead)
        {
            Forget(connection);
        }
        else
        {
            _idle.Enqueue(connection);
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
            Interlocked.Decrement(ref _open);
        }
    }

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
