using System.Net;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Api;

/// <summary>The one tuned HTTP stack all virtual users share: pooled connections, no proxy, no cookies, no decompression.</summary>
internal static class ApiHttp
{
    public static SocketsHttpHandler CreateHandler(TargetOptions target) => new()
    {
        MaxConnectionsPerServer = target.MaxConnections,
        PooledConnectionLifetime = target.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = target.ConnectTimeout,
        UseProxy = false,
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
