namespace UnitTrustLoad.Api.Transport;

/// <summary>The Target:Transport values: auto (lean for http://, HttpClient for https://), lean, httpclient.</summary>
internal static class TransportChoice
{
    public const string Auto = "auto";
    public const string Lean = "lean";
    public const string HttpClient = "httpclient";

    public const string Pattern = "^(?i)(auto|lean|httpclient)$";

    /// <summary>Target:SocketEngine values besides auto: our Linux epoll loop, or .NET's socket engine.</summary>
    public const string Epoll = "epoll";
    public const string DotNet = "dotnet";

    public const string SocketEnginePattern = "^(?i)(auto|epoll|dotnet)$";

    /// <summary>The lean transport speaks plain HTTP/1.1 only; TLS goes through HttpClient.</summary>
    public static bool UsesLean(string? setting, Uri baseUrl)
    {
        var plain = baseUrl.Scheme == Uri.UriSchemeHttp;
        return string.IsNullOrWhiteSpace(setting) || string.Equals(setting, Auto, StringComparison.OrdinalIgnoreCase)
            ? plain
            : string.Equals(setting, Lean, StringComparison.OrdinalIgnoreCase) && plain;
    }

    /// <summary>The lean transport's sockets go through our epoll loop: asked for, or auto where it runs (Linux).</summary>
    public static bool UsesEpoll(string? socketEngine)
        => string.IsNullOrWhiteSpace(socketEngine) || string.Equals(socketEngine, Auto, StringComparison.OrdinalIgnoreCase)
            ? Transport.Epoll.EpollLoop.IsSupported
            : string.Equals(socketEngine, Epoll, StringComparison.OrdinalIgnoreCase);
}
