using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Api.Transport;

/// <summary>
/// Plain-http HTTP/1.1 for the hot path: keep-alive <see cref="LeanConnection"/>s pooled as the virtual users need
/// them (at most Target:MaxConnections), heads encoded once per operation, the token line re-encoded only when the
/// token changes, answers deserialized from the receive buffer. Timeouts are enforced by one watchdog timer, not a
/// timer per request. A keep-alive connection the server closed before answering is retried once on a new one.
/// </summary>
internal sealed class LeanTransport : IApiTransport
{
    private readonly ConcurrentQueue<LeanConnection> _idle = new();
    private readonly List<LeanConnection> _all = [];
    private readonly Lock _allGate = new();
    private readonly SemaphoreSlim _returned = new(0);
    private readonly RequestHead[] _heads;
    private readonly Uri _baseUrl;
    private readonly int _maxConnections;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeProvider _time;
    private readonly ITimer _watchdog;
    private readonly Epoll.EpollLoop? _loop;
    private volatile AuthorizationLine? _authorization;
    private EndPoint? _endPoint;
    private int _open;
    private int _waiters;

    public LeanTransport(Uri baseUrl, ApiEndpoints endpoints, int maxConnections, TimeSpan requestTimeout, TimeSpan connectTimeout, TimeProvider time, bool useEpoll = false)
    {
        _loop = useEpoll ? new Epoll.EpollLoop() : null;
        _baseUrl = baseUrl;
        _heads =
        [
            RequestHead.For(endpoints.Register), RequestHead.For(endpoints.JoinFund), RequestHead.For(endpoints.Purchase),
            RequestHead.For(endpoints.FetchBalance), RequestHead.For(endpoints.Sell),
        ];
        _maxConnections = maxConnections;
        _requestTimeout = requestTimeout;
        _connectTimeout = connectTimeout;
        _time = time;
        var period = TimeSpan.FromTicks(Math.Clamp(requestTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromMilliseconds(250).Ticks));
        _watchdog = time.CreateTimer(static state => ((LeanTransport)state!).AbortLate(), this, period, period);
    }

    public string Name => TransportChoice.Lean;

    /// <summary>True when the sockets run on our epoll loop rather than .NET's socket engine.</summary>
    public bool UsesEpoll => _loop is not null;

    /// <summary>Connections open now (idle and busy).</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        AccessToken token,
        FailureLog failures,
        CancellationToken cancellationToken)
    {
        var head = HeadFor(operation);
        var authorization = AuthorizationFor(token);
        var deadline = _time.GetTimestamp() + (long)(_requestTimeout.TotalSeconds * _time.TimestampFrequency);
        for (var attempt = 0; ; attempt++)
        {
            var (connection, failure) = await AcquireAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                failures.Record(operation.Name, "POST", operation.PathAndQuery, failure.Status, failure.Message);
                return Response.Fail<TResponse>(failure.Status, failure.Message);
            }

            var length = connection.WriteRequest(head, authorization, body, requestType, out var bodyLength);
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

            if (exchange.Outcome == ExchangeOutcome.ClosedBeforeAnswer && attempt == 0)
            {
                // The server had closed this idle keep-alive connection: the request never reached it, so send it again.
                Release(connection);
                continue;
            }

            try
            {
                return Complete(operation, connection, exchange, bodyLength, responseType, failures);
            }
            finally
            {
                Release(connection);
            }
        }
    }

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

    private static Response<TResponse> Complete<TResponse>(
        ApiOperation operation, LeanConnection connection, Exchange exchange, int sent, JsonTypeInfo<TResponse> responseType, FailureLog failures)
    {
        switch (exchange.Outcome)
        {
            case ExchangeOutcome.Answered:
                break;
            case ExchangeOutcome.Timeout:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.Timeout, null);
                return Response.Fail<TResponse>(StatusText.Timeout, "no answer within the request timeout", sent);
            case ExchangeOutcome.Malformed:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.InvalidResponse, exchange.Error);
                return Response.Fail<TResponse>(StatusText.InvalidResponse, exchange.Error, sent);
            default:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.ConnectionError, exchange.Error);
                return Response.Fail<TResponse>(StatusText.ConnectionError, exchange.Error, sent);
        }

        var status = exchange.Head.Status;
        var statusText = StatusText.Of(status);
        var received = exchange.BodyLength;
        var bodyBytes = connection.Received(exchange.BodyStart, exchange.BodyLength);
        if (status != operation.ExpectedStatus)
        {
            // The body is decoded only for the sampled few; a 401 is retried, so it is not a failure yet.
            if (status != (int)HttpStatusCode.Unauthorized && failures.Reserve(operation.Name, statusText))
            {
                failures.Write(operation.Name, "POST", operation.PathAndQuery, statusText, Encoding.UTF8.GetString(bodyBytes));
            }

            return Response.Fail<TResponse>(statusText, null, sent, received);
        }

        TResponse? value;
        try
        {
            value = bodyBytes.IsEmpty ? default : JsonSerializer.Deserialize(bodyBytes, responseType);
        }
        catch (JsonException ex)
        {
            failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.InvalidBody, ex.Message);
            return Response.Fail<TResponse>(StatusText.InvalidBody, ex.Message, sent, received);
        }

        return value is null
            ? Response.Fail<TResponse>(StatusText.InvalidBody, "empty body", sent, received)
            : Response.Ok(value, statusText, sent, received);
    }

    private RequestHead HeadFor(ApiOperation operation)
    {
        foreach (var head in _heads)
        {
            if (ReferenceEquals(head.Operation, operation))
            {
                return head;
            }
        }

        return RequestHead.For(operation);
    }

    private AuthorizationLine AuthorizationFor(AccessToken token)
    {
        var current = _authorization;
        if (current is not null && ReferenceEquals(current.Token, token))
        {
            return current;
        }

        // A new token (or, during a refresh, an older one still in flight): encode once and share.
        var line = AuthorizationLine.For(token);
        _authorization = line;
        return line;
    }

    private async ValueTask<(LeanConnection? Connection, (string Status, string Message) Failure)> AcquireAsync(long deadline, CancellationToken cancellationToken)
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

                if (Interlocked.Increment(ref _open) <= _maxConnections)
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
                    return (null, (StatusText.Timeout, $"no free connection within the request timeout (Target:MaxConnections is {_maxConnections})"));
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

    private async ValueTask<(LeanConnection? Connection, (string Status, string Message) Failure)> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var endPoint = _endPoint ??= await ResolveAsync(cancellationToken).ConfigureAwait(false);
            var (connection, error, timedOut) = await LeanConnection.ConnectAsync(endPoint, _connectTimeout, _loop, cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                Interlocked.Decrement(ref _open);
                return (null, (timedOut ? StatusText.Timeout : StatusText.ConnectionError, error!));
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
            return (null, (StatusText.ConnectionError, $"{_baseUrl.Host}: {ex.Message}"));
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

    private void Release(LeanConnection connection)
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

    private void Forget(LeanConnection connection)
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
