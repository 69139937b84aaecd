namespace UnitTrustLoad.Api;

/// <summary>A token as sent ("Bearer ..."), with the timestamps (TimeProvider ticks) at which to refresh and stop using it.</summary>
internal sealed class AccessToken(string authorization, long refreshAt, long expiresAt, TimeSpan lifetime)
{
    /// <summary>The Authorization header value, built once per token so requests do not allocate it.</summary>
    public string Authorization { get; } = authorization;

    public long RefreshAt { get; } = refreshAt;

    public long ExpiresAt { get; } = expiresAt;

    public TimeSpan Lifetime { get; } = lifetime;
}
