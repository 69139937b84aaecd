namespace UnitTrustLoad.Api;

/// <summary>One endpoint with its URL (api-version included) resolved once at start.</summary>
internal sealed class ApiOperation(string name, Uri url, int expectedStatus)
{
    public string Name { get; } = name;

    public Uri Url { get; } = url;

    /// <summary>Path and query, for logs.</summary>
    public string PathAndQuery { get; } = url.PathAndQuery;

    /// <summary>The status the contract promises; anything else is a failure.</summary>
    public int ExpectedStatus { get; } = expectedStatus;
}
