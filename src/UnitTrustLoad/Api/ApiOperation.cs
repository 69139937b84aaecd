using UnitTrustLoad.Http;

namespace UnitTrustLoad.Api;

/// <summary>One endpoint with its URL (api-version included) and its request head, resolved and encoded once at start.</summary>
internal sealed class ApiOperation(string name, Uri url, int expectedStatus, IReadOnlyList<HeaderLine>? headers = null)
{
    public string Name { get; } = name;

    public Uri Url { get; } = url;

    /// <summary>Path and query, for logs.</summary>
    public string PathAndQuery { get; } = url.PathAndQuery;

    /// <summary>The status the contract promises; anything else is a failure.</summary>
    public int ExpectedStatus { get; } = expectedStatus;

    /// <summary>The counter of this operation's resends (<see cref="ApiTransport.MaySendAgain"/>), named once.</summary>
    public string ResendCounter { get; } = ResendCounterOf(name);

    /// <summary>"resends_" and the step's name, with '-' as '_' so a threshold can name it.</summary>
    public static string ResendCounterOf(string name) => ResendPrefix + name.Replace('-', '_');

    /// <summary>What every resend counter's name starts with.</summary>
    public const string ResendPrefix = "resends_";

    /// <summary>The request line and fixed headers (Target:Headers among them), encoded once.</summary>
    public HttpRequestTemplate Request { get; } = HttpRequestTemplate.Post(url, headers: headers);
}
