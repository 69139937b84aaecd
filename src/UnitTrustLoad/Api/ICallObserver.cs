namespace UnitTrustLoad.Api;

/// <summary>
/// What a call's caller wants to see of the client's own work: a token request it had to wait for, a retry after a
/// 401, and a resend on a failed keep-alive connection. The scenarios implement it to record the token request as a
/// step and the rest as counters; the API knows nothing of the engine.
/// </summary>
internal interface ICallObserver
{
    /// <summary>Runs the token request <paramref name="fetch"/> and returns its result, recording it as it sees fit.</summary>
    ValueTask<ApiResult<AccessToken>> ObserveTokenRequestAsync(Func<ValueTask<ApiResult<AccessToken>>> fetch);

    /// <summary>The API refused a token (401); the call is being retried once with a fresh one.</summary>
    void AuthRetried();

    /// <summary>A request was sent again because its keep-alive connection failed before any byte of it was written.</summary>
    void Resent(string counter);
}
