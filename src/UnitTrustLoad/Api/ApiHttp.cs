using System.Net;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Api;

/// <summary>The one tuned HTTP stack all virtual users share: pooled connections, the proxy of <see cref="ProxySettings"/> or none, no cookies, no automatic decompression.</summary>
internal static class ApiHttp
{
    public static SocketsHttpHandler CreateHandler(TargetOptions target, ProxySettings? proxy = null) => new()
    {
        MaxConnectionsPerServer = target.MaxConnections,
        PooledConnectionLifetime = target.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = target.ConnectTimeout,
        UseProxy = proxy is not null,
        Proxy = proxy is null ? null : new TargetProxy(proxy),
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    public static HttpClient CreateClient(HttpMessageHandler handler, TimeSpan timeout) => new(handler, disposeHandler: false)
    {
        Timeout = timeout,
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
