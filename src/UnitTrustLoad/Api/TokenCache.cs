using Duende.IdentityModel.Client;

namespace UnitTrustLoad.Api;

/// <summary>
/// One client-credentials token shared by every virtual user. The hot path (a valid token) reads one volatile field:
/// no lock, no allocation. Ahead of expiry exactly one caller refreshes while the others keep using the valid token;
/// once expired (or rejected with 401) callers wait for that single refresh. When refreshes fail, a caller that may
/// wait (a cancellable call: a step of the load) waits through the outage for the next refresh instead of failing
/// at once, so users do not spin through failed iterations; refreshes back off exponentially with jitter. Calls that
/// may not wait (preflight, pool preparation) get null and the reason. The time spent without a valid token is kept.
/// </summary>
internal sealed class TokenCache(HttpClient http, TokenEndpoint endpoint, TimeProvider time)
{
    private readonly Lock _gate = new();
    private volatile AccessToken? _current;
    private Task<AccessToken?>? _refresh;
    private long _notBefore;
    private long _requests;
    private int _consecutiveFailures;
    private long _failedRequests;
    private long _outageSince;
    private long _outageTicks;

    /// <summary>Token requests that failed.</summary>
    public long FailedRequests => Interlocked.Read(ref _failedRequests);

    /// <summary>How long the run went without a valid token (refreshes failing and the last token expired), so far.</summary>
    public TimeSpan TimeWithoutToken
    {
        get
        {
            lock (_gate)
            {
                var ticks = _outageTicks + (_outageSince != 0 ? time.GetTimestamp() - _outageSince : 0);
                return TimeSpan.FromSeconds((double)ticks / time.TimestampFrequency);
            }
        }
    }

    /// <summary>Token requests sent so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Why the last token request failed, for preflight messages; null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>The last failed token request as data (status, the server's error code, the exception), or null after a success.</summary>
    public TokenFailure? LastFailure { get; private set; }

    /// <summary>How long until the next token request may be sent (zero when it may be sent now).</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                var ticks = _notBefore - time.GetTimestamp();
                return ticks <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / time.TimestampFrequency);
            }
        }
    }

    /// <summary>Waits until the backoff lets the next token request go (timers may fire a little early, so it looks again).</summary>
    public async Task WaitForRetryAsync(CancellationToken cancellationToken)
    {
        for (var left = RetryAfter; left > TimeSpan.Zero; left = RetryAfter)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where tokens are asked for.</summary>
    public string Address => endpoint.Address;

    /// <summary>
    /// A valid token, or null when none could be had (an observer sees the token request, and records it as the
    /// "token" step). With a cancellable <paramref name="cancellationToken"/> the caller waits through an outage until
    /// a refresh succeeds or the token is cancelled (then <see cref="OperationCanceledException"/>).
    /// </summary>
    public ValueTask<AccessToken?> GetAsync(ICallObserver? observer, CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && time.GetTimestamp() < current.RefreshAt)
        {
            return new ValueTask<AccessToken?>(current);
        }

        return GetSlowAsync(current, observer, cancellationToken);
    }

    /// <summary>The API refused <paramref name="rejected"/> (401): one refresh however many callers report it.</summary>
    public ValueTask<AccessToken?> RenewRejectedAsync(AccessToken rejected, ICallObserver? observer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
                _notBefore = 0;
            }
        }

        return GetSlowAsync(null, observer, cancellationToken);
    }

    private async ValueTask<AccessToken?> GetSlowAsync(AccessToken? seen, ICallObserver? observer, CancellationToken cancellationToken)
    {
        var mayWait = cancellationToken.CanBeCanceled;
        while (true)
        {
            var stillValid = seen is not null && time.GetTimestamp() < seen.ExpiresAt;
            Task<AccessToken?>? refresh = null;
            long waitTicks = 0;
            lock (_gate)
            {
                var current = _current;
                if (current is not null && !ReferenceEquals(current, seen) && time.GetTimestamp() < current.RefreshAt)
                {
                    return current;
                }

                if (_refresh is { IsCompleted: false } running)
                {
                    if (stillValid)
                    {
                        return seen;
                    }

                    refresh = running;
                }
                else if (time.GetTimestamp() < _notBefore)
                {
                    // A refresh just failed: do not hammer the token server; use what is still valid, else wait for the
                    // next refresh (a step of the load) or fail at once (preflight, preparation).
                    if (stillValid || !mayWait)
                    {
                        return stillValid ? seen : null;
                    }

                    waitTicks = _notBefore - time.GetTimestamp();
                    if (_outageSince == 0)
                    {
                        _outageSince = time.GetTimestamp();
                    }
                }
                else
                {
                    refresh = _refresh = RefreshAsync(observer);
                }
            }

            if (refresh is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, waitTicks) / (double)time.TimestampFrequency), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var fresh = mayWait ? await refresh.WaitAsync(cancellationToken).ConfigureAwait(false) : await refresh.ConfigureAwait(false);
            if (fresh is not null)
            {
                return fresh;
            }

            // The refresh failed: the old token only if it is still valid now, after the wait.
            if (seen is not null && time.GetTimestamp() < seen.ExpiresAt)
            {
                return seen;
            }

            if (!mayWait)
            {
                return null;
            }

            seen = null;
        }
    }

    private async Task<AccessToken?> RefreshAsync(ICallObserver? observer)
    {
        await Task.Yield();
        var result = observer is null
            ? await FetchAsync().ConfigureAwait(false)
            : await observer.ObserveTokenRequestAsync(FetchAsync).ConfigureAwait(false);
        return result.Value;
    }

    private async ValueTask<ApiResult<AccessToken>> FetchAsync()
    {
        Interlocked.Increment(ref _requests);
        var started = time.GetTimestamp();
        TokenResponse answer;
        using (var request = new ClientCredentialsTokenRequest
        {
            Address = endpoint.Address,
            ClientId = endpoint.ClientId,
            ClientSecret = endpoint.ClientSecret,
            Scope = endpoint.Scope,
            ClientCredentialStyle = endpoint.BasicCredentials ? ClientCredentialStyle.AuthorizationHeader : ClientCredentialStyle.PostBody,
        })
        {
            try
            {
                answer = await http.RequestClientCredentialsTokenAsync(request, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Duende returns most failures as data, but the HttpClient timeout escapes as a cancellation.
                answer = ProtocolResponse.FromException<TokenResponse>(ex);
            }
        }

        if (answer.IsError || string.IsNullOrEmpty(answer.AccessToken))
        {
            var status = answer.ErrorType == ResponseErrorType.Exception
                ? answer.Exception is TaskCanceledException or TimeoutException ? CallStatus.Timeout : CallStatus.ConnectionError
                : ((int)answer.HttpStatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var why = answer.ErrorType == ResponseErrorType.Exception
                ? $"{endpoint.Address} could not be reached ({answer.Exception?.Message})"
                : $"{endpoint.Address} answered {status} {answer.Error}".TrimEnd();
            lock (_gate)
            {
                LastError = why;
                LastFailure = new TokenFailure(status, answer.Error, answer.ErrorType == ResponseErrorType.Exception ? answer.Exception : null);
                _failedRequests++;
                _consecutiveFailures++;
                _notBefore = time.GetTimestamp() + (long)(Backoff(_consecutiveFailures).TotalSeconds * time.TimestampFrequency);
                if (_outageSince == 0 && (_current is null || time.GetTimestamp() >= _current.ExpiresAt))
                {
                    _outageSince = time.GetTimestamp();
                }
            }

            return ApiResult<AccessToken>.Fail(status, why);
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn > 0 ? answer.ExpiresIn : 3600);
        var token = Create(answer.AccessToken, started, lifetime);
        lock (_gate)
        {
            _current = token;
            LastError = null;
            LastFailure = null;
            _consecutiveFailures = 0;
            if (_outageSince != 0)
            {
                _outageTicks += time.GetTimestamp() - _outageSince;
                _outageSince = 0;
            }
        }

        return ApiResult<AccessToken>.Ok(token, "200", 0, 0);
    }

    /// <summary>Auth:RetryBackoff doubled per failure in a row, at most 30 s, with ±20 % jitter so many generators do not retry in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var doubled = endpoint.RetryBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 10));
        var capped = Math.Min(Math.Max(endpoint.RetryBackoff.TotalSeconds, MaxBackoff.TotalSeconds), doubled);
        return TimeSpan.FromSeconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private AccessToken Create(string accessToken, long started, TimeSpan lifetime)
    {
        // Timed from when the request left, so network time eats into our margin, not past the server's expiry. JWT
        // expiry is whole seconds, so a token may die up to a second early: that second plus a little is the safety.
        var safety = TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, lifetime.Ticks / 20));
        if (safety > lifetime / 2)
        {
            safety = lifetime / 2;
        }

        var ahead = TimeSpan.FromTicks(Math.Min(endpoint.RefreshAhead.Ticks, (long)(lifetime.Ticks * endpoint.RefreshAheadFraction)));
        if (safety + ahead > lifetime * 0.9)
        {
            ahead = (lifetime * 0.9) - safety;
        }

        var frequency = time.TimestampFrequency;
        long Offset(TimeSpan span) => started + (long)(span.TotalSeconds * frequency);
        return new AccessToken("Bearer " + accessToken, Offset(lifetime - safety - ahead), Offset(lifetime - safety), lifetime);
    }
}

/// <summary>A failed token request: the status (an HTTP code, timeout or connection_error), the OAuth error code when the server sent one, and the exception when none answered.</summary>
internal sealed record TokenFailure(string Status, string? Error, Exception? Exception);
