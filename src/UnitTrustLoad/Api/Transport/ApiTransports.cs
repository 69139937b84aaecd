using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Api.Transport;

/// <summary>Picks the transport Target:Transport asks for (auto: lean for http://, HttpClient for https://).</summary>
internal static class ApiTransports
{
    public static IApiTransport Create(TargetOptions target, Uri baseUrl, ApiEndpoints endpoints, HttpClient http, TimeProvider time)
        => TransportChoice.UsesLean(target.Transport, baseUrl)
            ? new LeanTransport(baseUrl, endpoints, target.MaxConnections, target.RequestTimeout, target.ConnectTimeout, time, TransportChoice.UsesEpoll(target.SocketEngine))
            : new HttpClientTransport(http);

    public static string Describe(TargetOptions target, Uri baseUrl)
        => !TransportChoice.UsesLean(target.Transport, baseUrl)
            ? "HttpClient (SocketsHttpHandler)"
            : "lean HTTP/1.1 (keep-alive connections, heads encoded once), sockets on "
              + (TransportChoice.UsesEpoll(target.SocketEngine) ? "our epoll loop" : ".NET's engine");
}
