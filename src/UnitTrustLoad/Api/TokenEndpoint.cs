namespace UnitTrustLoad.Api;

/// <summary>Where and how to ask for tokens: the resolved Auth settings.</summary>
internal sealed record TokenEndpoint(
    string Address,
    string ClientId,
    string ClientSecret,
    string Scope,
    TimeSpan RefreshAhead,
    double RefreshAheadFraction,
    TimeSpan RetryBackoff)
{
    /// <summary>Auth:ClientCredentialStyle: true sends the credentials as HTTP Basic, false (the default) in the form body.</summary>
    public bool BasicCredentials { get; init; }

    /// <summary>Never print the secret.</summary>
    public override string ToString() => $"{Address} (client {ClientId}, scope {Scope})";
}
