using System.Net;

namespace UnitTrustLoad.Http.Http11;

/// <summary>How the suite's own HTTP/1.1 client connects: pool size, timeouts and which socket engine drives it.</summary>
/// <param name="MaxConnections">Keep-alive connections open at most; requests beyond wait for a free one.</param>
/// <param name="RequestTimeout">From asking for a connection to the answer's last byte.</param>
/// <param name="ConnectTimeout">For opening one connection (to one of the host's addresses).</param>
/// <param name="UseEpoll">Drive the sockets from our own epoll loop (Linux, see <see cref="Sockets.Epoll.EpollLoop.IsSupported"/>) instead of .NET's socket engine.</param>
public sealed record Http11ClientOptions(int MaxConnections, TimeSpan RequestTimeout, TimeSpan ConnectTimeout, bool UseEpoll)
{
    /// <summary>
    /// A connection older than this is not reused, and the host's addresses are resolved again after it, so DNS
    /// changes and load balancers are honoured (as HttpClient's PooledConnectionLifetime).
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Resolves the host to its addresses; null for <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>>? ResolveHost { get; init; }
}
