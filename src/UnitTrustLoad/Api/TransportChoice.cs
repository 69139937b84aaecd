using UnitTrustLoad.Configuration;
using UnitTrustLoad.Http;
using UnitTrustLoad.Http.Http11;

namespace UnitTrustLoad.Api;

/// <summary>Which HTTP client Target:Transport and Target:SocketEngine ask for, and that client made.</summary>
internal static class TransportChoice
{
    /// <summary>Our HTTP/1.1 client speaks plain http:// only; TLS goes through HttpClient.</summary>
    public static bool UsesLean(string? setting, Uri baseUrl)
    {
        var plain = baseUrl.Scheme == Uri.UriSchemeHttp;
        return string.IsNullOrWhiteSpace(setting) || string.Equals(setting, TransportSettings.Auto, StringComparison.OrdinalIgnoreCase)
            ? plain
            : string.Equals(setting, TransportSettings.Lean, StringComparison.OrdinalIgnoreCase) && plain;
    }

    /// <summary>Our HTTP/1.1 client's sockets go through our epoll loop: asked for, or auto where it runs (Linux).</summary>
    public static bool UsesEpoll(string? socketEngine)
        => string.IsNullOrWhiteSpace(socketEngine) || string.Equals(socketEngine, TransportSettings.Auto, StringComparison.OrdinalIgnoreCase)
            ? Http11Client.SupportsEpoll
            : string.Equals(socketEngine, TransportSettings.Epoll, StringComparison.OrdinalIgnoreCase);

    /// <summary>The HTTP client for <paramref name="baseUrl"/>: ours for http:// (unless told otherwise), else <paramref name="http"/>.</summary>
    public static IHttpTransport Create(TargetOptions target, Uri baseUrl, HttpClient http, TimeProvider time, ProxySettings? proxy = null)
    {
        // Our client does not speak to forward proxies: a proxied target goes through HttpClient, and the settings say so.
        if (proxy?.For(baseUrl) is not null)
        {
            return new HttpClientTransport(http, $"HttpClient (SocketsHttpHandler) through the proxy {proxy.Describe(baseUrl)}: the lean client does not speak to proxies");
        }

        return UsesLean(target.Transport, baseUrl)
            ? new Http11Client(baseUrl, LeanOptions(target), time)
            : new HttpClientTransport(http);
    }

    /// <summary>Our HTTP/1.1 client's settings from the Target section (Target:PooledConnectionLifetime included).</summary>
    public static Http11ClientOptions LeanOptions(TargetOptions target)
        => new(target.MaxConnections, target.RequestTimeout, target.ConnectTimeout, UsesEpoll(target.SocketEngine))
        {
            PooledConnectionLifetime = target.PooledConnectionLifetime,
        };
}
